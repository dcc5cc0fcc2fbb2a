import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzePosting, type Analysis } from '../../src/core/jd/analyze.js';
import { checkContent } from '../../src/core/content/check.js';
import { buildPlan, type Plan } from '../../src/core/plan/build-plan.js';
import { planMarkdown } from '../../src/core/plan/markdown.js';
import { aQuestion, aRoleGuide } from '../support/builders.js';

const guide = aRoleGuide({ id: 'backend', title: 'Backend Developer' });
const content = checkContent([
  { path: 'roles/backend.md', text: guide },
  { path: 'questions/backend/kafka-consumer.md', text: aQuestion({ id: 'backend/kafka-consumer', roles: ['backend'], stage: 'design', title: 'Design a Kafka consumer for payment events', skills: ['kafka', 'idempotency'] }) },
  { path: 'questions/backend/generic-design.md', text: aQuestion({ id: 'backend/generic-design', roles: ['backend'], stage: 'design', title: 'Design a URL shortener', skills: ['system-design'] }) },
  { path: 'questions/backend/screen-story.md', text: aQuestion({ id: 'backend/screen-story', roles: ['backend'], stage: 'screen', title: 'Walk me through your background', skills: ['communication'], levels: ['entry', 'mid', 'senior'] }) },
]);
assert.deepEqual(content.problems, []);
const guides = content.roles.map((r) => r.value);
const bank = content.questions.map((q) => q.value);

const posting = `Senior Backend Engineer\n\nWe build the payments ledger and card processing for 20 million users.\n\nRequirements:\n- 6+ years building services in Go\n- Deep experience with Kafka and PostgreSQL\n- PCI DSS experience\n\nNice to have:\n- Terraform`;
const analysis = (): Analysis => {
  const r = analyzePosting({ text: posting });
  assert.ok(r.ok);
  return r.analysis;
};
const plan = (date?: string): Plan => {
  const r = buildPlan(analysis(), guides, bank, { today: '2026-12-01', interviewDate: date });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.plan;
};

describe('building a prep plan', () => {
  it('predicts the loop for the role and level and ranks the question matching the posting first, quoting it', () => {
    const p = plan();
    assert.equal(p.guide.id, 'backend');
    assert.deepEqual(p.stages.map((s) => s.stage), ['screen', 'design']);
    const design = p.stages.find((s) => s.stage === 'design');
    const first = design?.questions[0];
    assert.ok(first);
    assert.equal(first.id, 'backend/kafka-consumer');
    assert.deepEqual(first.skills, ['Kafka']);
    assert.match(first.why, /Deep experience with Kafka and PostgreSQL/);
    assert.match(first.why, /payments/);
  });

  it('reports covered skills and gaps with study advice and the posting quote', () => {
    const p = plan();
    assert.ok(p.coverage.some((c) => c.skill === 'Kafka' && c.questions.includes('backend/kafka-consumer')));
    const go = p.gaps.find((g) => g.skill === 'Go');
    assert.ok(go, JSON.stringify(p.gaps.map((g) => g.skill)));
    assert.equal(go.required, true);
    assert.match(go.study, /Go/);
    assert.match(go.evidence, /6\+ years building services in Go/);
    assert.equal(p.gaps.find((g) => g.skill === 'Terraform')?.required, false);
  });

  it('writes follow-ups from the posting’s scale, domain, compliance and stack', () => {
    const kinds = plan().followUps.map((f) => f.basedOn).sort();
    assert.deepEqual(kinds, ['compliance', 'domain', 'scale', 'stack']);
    assert.ok(plan().followUps.some((f) => /20 million users/.test(f.question)));
  });

  it('schedules every question before the interview and keeps the interview day light', () => {
    const p = plan('2026-12-06');
    assert.equal(p.schedule[0]?.date, '2026-12-01');
    assert.equal(p.schedule.at(-1)?.date, '2026-12-06');
    assert.deepEqual(p.schedule.at(-1)?.questions, []);
    const scheduled = p.schedule.flatMap((d) => d.questions).sort();
    assert.deepEqual(scheduled, p.stages.flatMap((s) => s.questions.map((q) => q.id)).sort());
    const undated = plan().schedule;
    assert.ok(undated.every((d) => d.date >= '2026-12-01' && d.date <= '2026-12-14'), 'two weeks without a date');
    assert.ok(!undated.some((d) => /Interview day/.test(d.focus)), 'no interview-day row without a date');
  });

  it('rejects an interview date in the past or not a real date', () => {
    for (const bad of ['2026-11-30', '2026-02-30', 'next week']) {
      const r = buildPlan(analysis(), guides, bank, { today: '2026-12-01', interviewDate: bad });
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'BAD_DATE');
    }
  });

  it('is deterministic and renders Markdown with every section', () => {
    assert.deepEqual(plan('2026-12-10'), plan('2026-12-10'));
    const md = planMarkdown(plan('2026-12-10'));
    for (const h of ['## The loop', '## Coverage', '## Gaps to study on your own', '## Schedule', '## Follow-ups to expect']) assert.ok(md.includes(h), h);
  });
});
