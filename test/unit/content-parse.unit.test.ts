import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkContent, formatProblem } from '../../src/core/content/check.js';
import { contentJsonSchemas } from '../../src/core/content/json-schema.js';
import { parseQuestionFile, parseRoleGuideFile } from '../../src/core/content/parse.js';
import { aQuestion, aRoleGuide } from '../support/builders.js';

const Q = 'questions/testing/design-a-flaky-test-detector.md';

describe('parsing a question file', () => {
  it('accepts a complete question and exposes the model answer from the Markdown body', () => {
    const r = parseQuestionFile({ path: Q, text: aQuestion() });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    assert.equal(r.value.id, 'testing/design-a-flaky-test-detector');
    assert.match(r.value.modelAnswer, /model answer/);
  });

  it('reports a missing rubric with its field and the line of the front matter', () => {
    const text = aQuestion({ rubric: undefined });
    const r = parseQuestionFile({ path: Q, text });
    assert.ok(!r.ok);
    const p = r.problems.find((x) => x.field === 'rubric');
    assert.ok(p, JSON.stringify(r.problems));
    assert.equal(p.file, Q);
  });

  it('points at the exact line of a bad nested field', () => {
    const text = aQuestion({ difficulty: 'brutal' });
    const r = parseQuestionFile({ path: Q, text });
    assert.ok(!r.ok);
    const p = r.problems[0];
    assert.ok(p);
    assert.equal(p.field, 'difficulty');
    const lineText = text.split('\n')[p.line - 1];
    assert.match(lineText ?? '', /^difficulty: brutal/);
  });

  it('locates a problem inside a list item', () => {
    const text = aQuestion({
      rubric: [
        { id: 'a', weight: 3, point: 'A point long enough to be a real point.', signals: ['x y', 'y z'] },
        { id: 'b', weight: 9, point: 'A point long enough to be a real point.', signals: ['x y', 'y z'] },
        { id: 'c', weight: 3, point: 'A point long enough to be a real point.', signals: ['x y', 'y z'] },
      ],
    });
    const r = parseQuestionFile({ path: Q, text });
    assert.ok(!r.ok);
    const p = r.problems.find((x) => x.field === 'rubric[1].weight');
    assert.ok(p, JSON.stringify(r.problems));
    assert.match(text.split('\n')[p.line - 1] ?? '', /weight: 9/);
  });

  it('needs at least three rubric points, two mistakes and two follow-ups', () => {
    const base = parseQuestionFile({ path: Q, text: aQuestion() });
    assert.ok(base.ok);
    const r = parseQuestionFile({
      path: Q,
      text: aQuestion({ rubric: base.value.rubric.slice(0, 2), mistakes: base.value.mistakes.slice(0, 1), followUps: base.value.followUps.slice(0, 1) }),
    });
    assert.ok(!r.ok);
    assert.deepEqual(r.problems.map((p) => p.field).sort(), ['followUps', 'mistakes', 'rubric']);
  });

  it('rejects placeholders, a too-short model answer, and unknown fields', () => {
    const r = parseQuestionFile({ path: Q, text: aQuestion({ whyAsked: 'TODO: write why we ask this question here', extra: 1 }, 'Too short.') });
    assert.ok(!r.ok);
    const fields = r.problems.map((p) => p.field);
    assert.ok(fields.includes('whyAsked'), fields.join());
    assert.ok(fields.includes('modelAnswer'), fields.join());
    assert.ok(r.problems.some((p) => /extra/.test(p.message)), JSON.stringify(r.problems));
  });

  it('requires the slug to match the file name and the first role to match the id', () => {
    const r = parseQuestionFile({ path: 'questions/testing/other-name.md', text: aQuestion({ roles: ['other', 'testing'] }) });
    assert.ok(!r.ok);
    assert.ok(r.problems.some((p) => p.field === 'roles'));
    const r2 = parseQuestionFile({ path: 'questions/testing/other-name.md', text: aQuestion() });
    assert.ok(!r2.ok);
    assert.match(r2.problems[0]?.message ?? '', /must match the file name/);
  });

  it('reports duplicate rubric ids', () => {
    const point = { id: 'same', weight: 2, point: 'A point long enough to be a real point.', signals: ['x y', 'y z'] };
    const r = parseQuestionFile({ path: Q, text: aQuestion({ rubric: [point, point, { ...point, id: 'other' }] }) });
    assert.ok(!r.ok);
    assert.ok(r.problems.some((p) => p.field === 'rubric[1]' && /duplicate/.test(p.message)), JSON.stringify(r.problems));
  });

  it('reports broken YAML with a line number instead of throwing', () => {
    const r = parseQuestionFile({ path: Q, text: '---\nid: [unclosed\ntitle: x\n---\nbody' });
    assert.ok(!r.ok);
    const [first] = r.problems;
    assert.ok(first);
    assert.equal(first.field, '(front matter)');
    assert.ok(first.line >= 2);
  });

  it('reports a file without front matter', () => {
    const r = parseQuestionFile({ path: Q, text: '# Just Markdown\n' });
    assert.ok(!r.ok);
    assert.match(r.problems[0]?.message ?? '', /front matter/);
  });
});

describe('parsing a role guide', () => {
  it('accepts a complete guide', () => {
    const r = parseRoleGuideFile({ path: 'roles/testing.md', text: aRoleGuide() });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    assert.equal(r.value.stages.length, 2);
  });

  it('rejects duplicate stage ids and an inverted time to offer', () => {
    const ok = parseRoleGuideFile({ path: 'roles/testing.md', text: aRoleGuide() });
    assert.ok(ok.ok);
    const stage = ok.value.stages[0];
    const r = parseRoleGuideFile({
      path: 'roles/testing.md',
      text: aRoleGuide({ stages: [stage, stage], timeToOffer: { minWeeks: 6, maxWeeks: 2, note: 'A note that is long enough to count.' } }),
    });
    assert.ok(!r.ok);
    const fields = r.problems.map((p) => p.field);
    assert.ok(fields.includes('stages[1]'), fields.join());
    assert.ok(fields.includes('timeToOffer.maxWeeks'), fields.join());
  });
});

describe('checking a content tree across files', () => {
  const guide = aRoleGuide();
  it('passes a consistent tree', () => {
    const r = checkContent([
      { path: 'roles/testing.md', text: guide },
      { path: Q, text: aQuestion() },
    ]);
    assert.deepEqual(r.problems, []);
    assert.equal(r.questions.length, 1);
  });

  it('flags a question whose stage is not in its role loop, at the stage line', () => {
    const text = aQuestion({ stage: 'coding' });
    const r = checkContent([
      { path: 'roles/testing.md', text: guide },
      { path: Q, text },
    ]);
    const p = r.problems.find((x) => x.field === 'stage');
    assert.ok(p, JSON.stringify(r.problems));
    assert.match(p.message, /not in the testing loop/);
    assert.match(text.split('\n')[p.line - 1] ?? '', /^stage: coding/);
  });

  it('flags levels that never get the stage, unknown roles, duplicate ids and missing related guides', () => {
    const r = checkContent([
      { path: 'roles/testing.md', text: aRoleGuide({ relatedRoles: [{ id: 'ghost', why: 'Because ghosts test things too.' }] }) },
      { path: Q, text: aQuestion({ levels: ['intern'] }) },
      { path: 'questions/testing/copy.md', text: aQuestion({ id: 'testing/copy', roles: ['testing', 'nobody'] }) },
      { path: 'questions/testing/copy2.md', text: aQuestion({ id: 'testing/copy2' }).replace('testing/copy2', 'testing/copy') },
    ]);
    const messages = r.problems.map(formatProblem).join('\n');
    assert.match(messages, /levels: none of the levels \(intern\)/);
    assert.match(messages, /no role guide "nobody"/);
    assert.match(messages, /relatedRoles\[0\]\.id: no role guide "ghost"/);
    assert.match(messages, /slug "copy" must match the file name "copy2\.md"/);
  });

  it('sorts problems by file and line and ignores files outside roles/ and questions/', () => {
    const r = checkContent([
      { path: 'notes/readme.md', text: 'x' },
      { path: Q, text: aQuestion({ difficulty: 'x', timeBudgetMinutes: 0 }) },
    ]);
    assert.deepEqual(r.ignored, ['notes/readme.md']);
    const lines = r.problems.filter((p) => p.file === Q).map((p) => p.line);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  });
});

describe('the generated JSON Schema for editors', () => {
  it('is up to date with the zod model (run "npm run content:schema" if this fails)', async () => {
    for (const [name, text] of Object.entries(contentJsonSchemas())) {
      const committed = await readFile(join(import.meta.dirname, '..', '..', 'content', 'schema', name), 'utf8');
      assert.equal(committed, text, `${name} is stale`);
    }
  });
});
