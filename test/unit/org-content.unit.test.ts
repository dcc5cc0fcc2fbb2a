/**
 * An organization's own questions and role guides, in the pure core: parsing (JSON and Markdown), slug rules,
 * cross-checks against the guides it sees, Markdown serialisation, the combined bank, and the ids shipped content
 * may not use.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { combineBank } from '../../src/core/content/bank.js';
import { checkContent, isReservedRoleId } from '../../src/core/content/check.js';
import {
  checkOrgGuide,
  checkOrgQuestion,
  isOrgGuideId,
  isOrgQuestionId,
  orgGuideInput,
  orgGuideMarkdown,
  orgQuestionInput,
  orgQuestionMarkdown,
  parseOrgGuide,
  parseOrgGuideMarkdown,
  parseOrgQuestion,
  parseOrgQuestionMarkdown,
  toOrgGuide,
  toOrgQuestion,
  type OrgContentProblem,
  type OrgParse,
} from '../../src/core/content/org-content.js';
import { parseQuestionFile, parseRoleGuideFile } from '../../src/core/content/parse.js';
import type { Question, RoleGuide } from '../../src/core/content/schema.js';
import { defaultContentDir } from '../../src/infra/paths.js';
import { aQuestion, aRoleGuide } from '../support/builders.js';

// ---------------------------------------------------------------------------------------------------------------
// Builders: the test builders' documents with `slug` instead of `id`, as Markdown or as JSON.
// ---------------------------------------------------------------------------------------------------------------

const questionMd = (overrides: Record<string, unknown> = {}, modelAnswer?: string): string =>
  aQuestion({ id: undefined, slug: 'flaky-detector', ...overrides }, modelAnswer);
const guideMd = (overrides: Record<string, unknown> = {}, overview?: string): string => aRoleGuide({ id: undefined, slug: 'testing', ...overrides }, overview);

/** Front matter and body of a Markdown document, as an editor sending JSON would write them. */
function splitMarkdown(md: string): { front: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(md);
  assert.ok(m, 'a document with front matter');
  return { front: parseYaml(m[1] ?? '') as Record<string, unknown>, body: (m[2] ?? '').trim() };
}
const questionJson = (overrides: Record<string, unknown> = {}): Record<string, unknown> => {
  const { front, body } = splitMarkdown(questionMd(overrides));
  return { ...front, modelAnswer: body };
};
const guideJson = (overrides: Record<string, unknown> = {}): Record<string, unknown> => {
  const { front, body } = splitMarkdown(guideMd(overrides));
  return { ...front, overview: body };
};

function ok<T>(r: OrgParse<T>): T {
  assert.ok(r.ok, `expected a valid document, got ${JSON.stringify(!r.ok && r.problems)}`);
  return r.value;
}
function problems<T>(r: OrgParse<T>): OrgContentProblem[] {
  assert.ok(!r.ok, 'expected problems');
  return r.problems;
}
const problemAt = (ps: readonly OrgContentProblem[], field: string): OrgContentProblem => {
  const p = ps.find((x) => x.field === field);
  assert.ok(p, `no problem at ${field} in ${JSON.stringify(ps)}`);
  return p;
};
/** The text of the 1-based line `n` of `text`. */
const lineText = (text: string, n: number | undefined): string => text.split('\n')[(n ?? 0) - 1] ?? '';

/** The shipped-style guide the builders make ("testing": stages screen [entry, mid, senior] and design [mid, senior]). */
const testingGuide = (overrides: Record<string, unknown> = {}): RoleGuide => {
  const r = parseRoleGuideFile({ path: 'roles/testing.md', text: aRoleGuide(overrides) });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
  return r.value;
};
const orgGuide = (overrides: Record<string, unknown> = {}): RoleGuide => toOrgGuide(ok(parseOrgGuide(guideJson(overrides))));
const orgQuestion = (overrides: Record<string, unknown> = {}): Question => toOrgQuestion(ok(parseOrgQuestion(questionJson(overrides))));

const shippedQuestionFile = async (path: string): Promise<string> => readFile(join(defaultContentDir(), path), 'utf8');

// ---------------------------------------------------------------------------------------------------------------

describe('parsing an organization’s question', () => {
  it('accepts JSON with a slug (no id) and the model answer as a field', () => {
    const v = ok(parseOrgQuestion(questionJson()));
    assert.equal(v.slug, 'flaky-detector');
    assert.match(v.modelAnswer, /model answer/);
    assert.ok(!('id' in v));
    const q = toOrgQuestion(v);
    assert.equal(q.id, 'org/flaky-detector');
    assert.ok(isOrgQuestionId(q.id));
    assert.deepEqual(orgQuestionInput(q), v, 'the editor input of a stored question is what wrote it');
  });

  it('accepts Markdown in the format of content/questions/*.md, the body as the model answer', () => {
    const fromMd = ok(parseOrgQuestionMarkdown(questionMd()));
    const fromJson = ok(parseOrgQuestion(questionJson()));
    assert.deepEqual(fromMd, fromJson);
  });

  it('accepts a shipped question file with `id:` replaced by `slug:`', async () => {
    const text = await shippedQuestionFile('questions/backend/rate-limiter-design.md');
    assert.match(text, /^id: backend\/rate-limiter-design$/m);
    const v = ok(parseOrgQuestionMarkdown(text.replace(/^id: backend\/rate-limiter-design$/m, 'slug: rate-limiter-design')));
    const shipped = parseQuestionFile({ path: 'questions/backend/rate-limiter-design.md', text });
    assert.ok(shipped.ok);
    const { id: _id, ...rest } = shipped.value;
    assert.deepEqual({ ...v, slug: undefined }, { ...rest, slug: undefined });
  });

  it('refuses an id: the organization does not choose it', () => {
    const ps = problems(parseOrgQuestion({ ...questionJson(), id: 'backend/flaky-detector' }));
    assert.deepEqual(ps.map((p) => [p.field, p.message]), [['(document)', 'Unrecognized key: "id"']]);
    const md = problems(parseOrgQuestionMarkdown(aQuestion({ slug: 'flaky-detector' })));
    assert.deepEqual(md.map((p) => [p.field, p.message]), [['(front matter)', 'Unrecognized key: "id"']]);
  });

  it('names the field of every JSON problem, nested fields with their path, and gives no line', () => {
    const json = questionJson({ difficulty: 'brutal', rubric: undefined });
    const base = ok(parseOrgQuestion(questionJson()));
    const withBadWeight = { ...questionJson(), rubric: base.rubric.map((r, i) => (i === 1 ? { ...r, weight: 9 } : r)) };
    const ps = problems(parseOrgQuestion(json));
    assert.match(problemAt(ps, 'difficulty').message, /easy|medium|hard/);
    problemAt(ps, 'rubric');
    assert.ok(ps.every((p) => p.line === undefined));
    problemAt(problems(parseOrgQuestion(withBadWeight)), 'rubric[1].weight');
    assert.equal(problemAt(problems(parseOrgQuestion('not an object')), '(document)').field, '(document)');
  });

  it('names the field and the line of a Markdown problem', () => {
    const text = questionMd({ difficulty: 'brutal' });
    const p = problemAt(problems(parseOrgQuestionMarkdown(text)), 'difficulty');
    assert.match(lineText(text, p.line), /^difficulty: brutal/);

    const base = ok(parseOrgQuestion(questionJson()));
    const nested = questionMd({ rubric: base.rubric.map((r, i) => (i === 1 ? { ...r, weight: 9 } : r)) });
    const w = problemAt(problems(parseOrgQuestionMarkdown(nested)), 'rubric[1].weight');
    assert.match(lineText(nested, w.line), /weight: 9/);

    const slugText = questionMd({ slug: 'Not_A_Slug' });
    const s = problemAt(problems(parseOrgQuestionMarkdown(slugText)), 'slug');
    assert.match(lineText(slugText, s.line), /^slug: Not_A_Slug/);
  });

  it('reports a short model answer at the first line of the body', () => {
    const text = questionMd({}, 'Too short.');
    const p = problemAt(problems(parseOrgQuestionMarkdown(text)), 'modelAnswer');
    assert.equal(lineText(text, p.line), 'Too short.');
    assert.match(p.message, /Markdown body/);
  });

  it('reports missing front matter and broken YAML with a line instead of throwing', () => {
    const none = problems(parseOrgQuestionMarkdown('Just a model answer, no front matter.'));
    assert.deepEqual(none.map((p) => [p.field, p.line]), [['(front matter)', 1]]);
    const broken = problems(parseOrgQuestionMarkdown('---\nslug: x\ntitle: [unclosed\n---\nbody\n'));
    assert.ok(broken.every((p) => p.field === '(front matter)' && typeof p.line === 'number' && p.line >= 2), JSON.stringify(broken));
  });

  it('refuses placeholders in prose fields', () => {
    problemAt(problems(parseOrgQuestion(questionJson({ whyAsked: 'TODO: write why interviewers ask this before we publish it to members.' }))), 'whyAsked');
  });
});

describe('parsing an organization’s role guide', () => {
  it('accepts JSON and Markdown with a slug (no id), the overview as the body', () => {
    const fromJson = ok(parseOrgGuide(guideJson()));
    const fromMd = ok(parseOrgGuideMarkdown(guideMd()));
    assert.deepEqual(fromMd, fromJson);
    const g = toOrgGuide(fromJson);
    assert.equal(g.id, 'org-testing');
    assert.ok(isOrgGuideId(g.id));
    assert.deepEqual(orgGuideInput(g), fromJson);
  });

  it('accepts a shipped guide file with `id:` replaced by `slug:`', async () => {
    const text = await shippedQuestionFile('roles/backend.md');
    assert.match(text, /^id: backend$/m);
    const v = ok(parseOrgGuideMarkdown(text.replace(/^id: backend$/m, 'slug: backend')));
    assert.equal(toOrgGuide(v).id, 'org-backend');
  });

  it('names the field and line of a Markdown problem', () => {
    const text = guideMd({ difficulty: { rating: 9, label: 'Brutal', explanation: 'Far harder than anything else the organization hires for.' } });
    const p = problemAt(problems(parseOrgGuideMarkdown(text)), 'difficulty.rating');
    assert.match(lineText(text, p.line), /rating: 9/);
    const overview = problemAt(problems(parseOrgGuideMarkdown(guideMd({}, 'Short.'))), 'overview');
    assert.equal(typeof overview.line, 'number');
  });
});

describe('organization slugs', () => {
  const questionSlug = (slug: string) => parseOrgQuestion(questionJson({ slug }));
  const guideSlug = (slug: string) => parseOrgGuide(guideJson({ slug }));

  it('are lowercase kebab-case', () => {
    for (const good of ['a', 'sql-joins', 'a1-b2-c3', '2024-loop']) {
      assert.ok(questionSlug(good).ok, good);
      assert.ok(guideSlug(good).ok, good);
    }
    for (const bad of ['', 'Sql-Joins', 'sql_joins', 'sql--joins', '-sql', 'sql-', 'sql joins', 'org/sql', 'é']) {
      assert.match(problemAt(problems(questionSlug(bad)), 'slug').message, /kebab-case/, JSON.stringify(bad));
      assert.match(problemAt(problems(guideSlug(bad)), 'slug').message, /kebab-case/, JSON.stringify(bad));
    }
  });

  it('are at most 80 characters for a question and 60 for a guide (the migration’s limits)', () => {
    assert.ok(questionSlug('a'.repeat(80)).ok);
    assert.match(problemAt(problems(questionSlug('a'.repeat(81))), 'slug').message, /at most 80/);
    assert.ok(guideSlug('a'.repeat(60)).ok);
    assert.match(problemAt(problems(guideSlug('a'.repeat(61))), 'slug').message, /at most 60/);
  });

  it('are required', () => {
    problemAt(problems(parseOrgQuestion(questionJson({ slug: undefined }))), 'slug');
    problemAt(problems(parseOrgGuide(guideJson({ slug: undefined }))), 'slug');
  });
});

describe('uniqueness inside an organization’s document', () => {
  it('refuses duplicate rubric ids, mistake ids, skills, levels and roles in a question, at the duplicate', () => {
    const base = ok(parseOrgQuestion(questionJson()));
    const cases: [Record<string, unknown>, string][] = [
      [{ rubric: [base.rubric[0], base.rubric[1], { ...base.rubric[2], id: base.rubric[0]?.id }] }, 'rubric[2]'],
      [{ mistakes: [base.mistakes[0], { ...base.mistakes[1], id: base.mistakes[0]?.id }] }, 'mistakes[1]'],
      [{ skills: ['testing', 'testing'] }, 'skills[1]'],
      [{ levels: ['mid', 'senior', 'mid'] }, 'levels[2]'],
      [{ roles: ['testing', 'backend', 'testing'] }, 'roles[2]'],
    ];
    for (const [overrides, field] of cases) {
      assert.match(problemAt(problems(parseOrgQuestion({ ...questionJson(), ...overrides })), field).message, /duplicate/, field);
    }
  });

  it('refuses duplicate stage ids, level differences and related roles in a guide, and an inverted time to offer', () => {
    const base = ok(parseOrgGuide(guideJson()));
    const why = 'Both roles are interviewed on the same design skills.';
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ stages: [base.stages[0], { ...base.stages[1], id: base.stages[0]?.id }] }, 'stages[1]', /duplicate stage id/],
      [{ levelDifferences: [base.levelDifferences[0], base.levelDifferences[0]] }, 'levelDifferences[1]', /duplicate level/],
      [{ relatedRoles: [{ id: 'backend', why }, { id: 'backend', why }] }, 'relatedRoles[1]', /duplicate related role/],
      [{ timeToOffer: { ...base.timeToOffer, minWeeks: 6, maxWeeks: 3 } }, 'timeToOffer.maxWeeks', /at least minWeeks/],
    ];
    for (const [overrides, field, message] of cases) {
      assert.match(problemAt(problems(parseOrgGuide({ ...guideJson(), ...overrides })), field).message, message, field);
    }
  });
});

describe('checking an organization’s question against the guides it sees', () => {
  const guides = [testingGuide(), orgGuide()];

  it('accepts a question for a shipped role and one for the organization’s own role', () => {
    assert.deepEqual(checkOrgQuestion(orgQuestion(), guides), []);
    assert.deepEqual(checkOrgQuestion(orgQuestion({ roles: ['org-testing', 'testing'] }), guides), []);
  });

  it('names an unknown role', () => {
    const ps = checkOrgQuestion(orgQuestion({ roles: ['testing', 'org-nope'] }), guides);
    assert.deepEqual(ps.map((p) => p.field), ['roles[1]']);
    assert.match(ps[0]?.message ?? '', /no role guide "org-nope"/);
    assert.ok(ps.every((p) => p.line === undefined));
  });

  it('names a stage that is not in the role’s loop', () => {
    const ps = checkOrgQuestion(orgQuestion({ stage: 'coding' }), guides);
    assert.deepEqual(ps.map((p) => p.field), ['stage']);
    assert.match(ps[0]?.message ?? '', /"coding" is not in the testing loop \(screen, design\)/);
  });

  it('names levels none of which gets the stage', () => {
    const ps = checkOrgQuestion(orgQuestion({ levels: ['entry', 'intern'] }), guides);
    assert.deepEqual(ps.map((p) => p.field), ['levels']);
    assert.match(ps[0]?.message ?? '', /none of the levels \(entry, intern\) gets the testing stage "design"/);
  });

  it('checks each of its roles', () => {
    // The organization's guide without the design stage: fine for testing, not for org-testing.
    const other = orgGuide({ stages: testingGuide().stages.map((s) => (s.id === 'design' ? { ...s, id: 'deep-dive' } : s)) });
    const ps = checkOrgQuestion(orgQuestion({ roles: ['testing', 'org-testing'] }), [testingGuide(), other]);
    assert.deepEqual(ps.map((p) => p.field), ['stage']);
    assert.match(ps[0]?.message ?? '', /org-testing loop/);
  });
});

describe('checking an organization’s role guide', () => {
  const why = 'Both roles are interviewed on the same design skills.';

  it('accepts a guide related to a shipped guide and to another of the organization’s', () => {
    const second = orgGuide({ slug: 'qa-lead', title: 'QA Lead' });
    const g = orgGuide({ relatedRoles: [{ id: 'testing', why }, { id: 'org-qa-lead', why }] });
    assert.deepEqual(checkOrgGuide(g, [testingGuide(), second], []), []);
  });

  it('names a related role that does not exist, and one that is the guide itself', () => {
    const g = orgGuide({ relatedRoles: [{ id: 'org-missing', why }, { id: 'org-testing', why }] });
    const ps = checkOrgGuide(g, [testingGuide()], []);
    assert.deepEqual(ps.map((p) => p.field).sort(), ['relatedRoles[0].id', 'relatedRoles[1].id']);
    assert.match(problemAt(ps, 'relatedRoles[0].id').message, /no role guide "org-missing"/);
    assert.match(problemAt(ps, 'relatedRoles[1].id').message, /related to itself/);
  });

  it('replacing a guide: its previous version among the others is no duplicate', () => {
    const before = orgGuide();
    const after = orgGuide({ title: 'Quality Engineer' });
    assert.deepEqual(checkOrgGuide(after, [testingGuide(), before], []), []);
  });

  it('refuses a change that would break one of its questions: a stage removed, or no level left that gets it', () => {
    const q = orgQuestion({ roles: ['org-testing'], stage: 'design', levels: ['mid'] });
    const current = orgGuide();
    assert.deepEqual(checkOrgGuide(current, [testingGuide(), current], [q]), []);

    const withoutDesign = orgGuide({ stages: current.stages.map((s) => (s.id === 'design' ? { ...s, id: 'architecture' } : s)) });
    const removed = checkOrgGuide(withoutDesign, [testingGuide(), current], [q]);
    assert.deepEqual(removed.map((p) => p.field), ['stages']);
    assert.match(removed[0]?.message ?? '', /question org\/flaky-detector \("Design a flaky test detector"\) would break: stage: .*"design" is not in the org-testing loop/);

    const seniorOnly = orgGuide({ stages: current.stages.map((s) => (s.id === 'design' ? { ...s, levels: ['senior', 'staff'] } : s)) });
    const levels = checkOrgGuide(seniorOnly, [testingGuide(), current], [q]);
    assert.deepEqual(levels.map((p) => p.field), ['stages']);
    assert.match(levels[0]?.message ?? '', /would break: levels: none of the levels \(mid\)/);
  });

  it('given the guide as it was, reports only what the change breaks: a question already out of step does not block an edit', () => {
    // The question uses a shipped role whose loop lost its stage (a shipped update), and this guide: already broken.
    const q = orgQuestion({ roles: ['org-testing', 'testing'], stage: 'design', levels: ['mid'] });
    const current = orgGuide();
    const shippedWithoutDesign = { ...testingGuide(), stages: testingGuide().stages.filter((s) => s.id !== 'design') };
    const unrelatedEdit = orgGuide({ title: 'Quality Engineer at our company' });
    assert.notDeepEqual(checkOrgGuide(unrelatedEdit, [shippedWithoutDesign, current], [q]), [], 'without the previous version the old problem shows');
    assert.deepEqual(checkOrgGuide(unrelatedEdit, [shippedWithoutDesign, current], [q], current), []);
    // A change that breaks it here too is still refused.
    const withoutDesign = orgGuide({ stages: current.stages.map((s) => (s.id === 'design' ? { ...s, id: 'architecture' } : s)) });
    const broken = checkOrgGuide(withoutDesign, [shippedWithoutDesign, current], [q], current);
    assert.equal(broken.length, 1);
    assert.match(broken[0]?.message ?? '', /"design" is not in the org-testing loop/);
  });
});

describe('an organization’s document as Markdown', () => {
  it('a question goes to Markdown and back through the parser to the same document', () => {
    const q = orgQuestion({ roles: ['org-testing'] });
    const md = orgQuestionMarkdown(q);
    assert.match(md, /^---\n[\s\S]*^slug: flaky-detector$[\s\S]*^---$/m);
    assert.doesNotMatch(md, /^id:/m);
    const back = ok(parseOrgQuestionMarkdown(md));
    assert.deepEqual(toOrgQuestion(back), q);
  });

  it('a guide goes to Markdown and back through the parser to the same document', () => {
    const g = orgGuide({ relatedRoles: [{ id: 'testing', why: 'Both roles are interviewed on the same design skills.' }] });
    const md = orgGuideMarkdown(g);
    assert.match(md, /^---\n[\s\S]*^slug: testing$[\s\S]*^---$/m);
    const back = ok(parseOrgGuideMarkdown(md));
    assert.deepEqual(toOrgGuide(back), g);
  });

  it('every shipped question and guide, taken as an organization’s, survives the round trip (quotes, colons, Markdown)', async () => {
    const root = defaultContentDir();
    const roles = (await readdir(join(root, 'roles'))).filter((f) => f.endsWith('.md'));
    let n = 0;
    for (const f of roles) {
      const r = parseRoleGuideFile({ path: `roles/${f}`, text: await readFile(join(root, 'roles', f), 'utf8') });
      assert.ok(r.ok);
      const { id, ...rest } = r.value;
      const g = toOrgGuide({ slug: id, ...rest });
      assert.deepEqual(toOrgGuide(ok(parseOrgGuideMarkdown(orgGuideMarkdown(g)))), g, f);
      n++;
    }
    for (const role of await readdir(join(root, 'questions'))) {
      for (const f of (await readdir(join(root, 'questions', role))).filter((x) => x.endsWith('.md'))) {
        const path = `questions/${role}/${f}`;
        const r = parseQuestionFile({ path, text: await readFile(join(root, path), 'utf8') });
        assert.ok(r.ok, path);
        const { id, ...rest } = r.value;
        const q = toOrgQuestion({ slug: id.split('/')[1] ?? '', ...rest });
        assert.deepEqual(toOrgQuestion(ok(parseOrgQuestionMarkdown(orgQuestionMarkdown(q)))), q, path);
        n++;
      }
    }
    assert.ok(n > 100, `round-tripped ${String(n)} documents`);
  });
});

describe('combining the shipped bank with an organization’s', () => {
  const shippedGuide = testingGuide();
  const shippedQ = (id: string): Question => ({ ...orgQuestion(), id, roles: ['testing'] });
  const shipped = { questions: [shippedQ('testing/zeta'), shippedQ('testing/alpha')], guides: [shippedGuide] };

  it('lists shipped content first (by id), then the organization’s (by id)', () => {
    const own = { questions: [orgQuestion({ slug: 'zz' }), orgQuestion({ slug: 'aa' })], guides: [orgGuide({ slug: 'b' }), orgGuide({ slug: 'a' })] };
    const bank = combineBank(shipped, own);
    assert.deepEqual(bank.all.map((q) => q.id), ['testing/alpha', 'testing/zeta', 'org/aa', 'org/zz']);
    assert.deepEqual(bank.guides.map((g) => g.id), ['testing', 'org-a', 'org-b']);
  });

  it('finds the organization’s question and guide by id beside the shipped ones', () => {
    const bank = combineBank(shipped, { questions: [orgQuestion()], guides: [orgGuide()] });
    assert.equal(bank.get('org/flaky-detector')?.title, 'Design a flaky test detector');
    assert.equal(bank.get('testing/alpha')?.id, 'testing/alpha');
    assert.equal(bank.get('org/missing'), undefined);
    assert.equal(bank.guide('org-testing')?.id, 'org-testing');
    assert.equal(bank.guide('testing'), shippedGuide);
  });

  it('without an organization’s content, is the shipped content alone', () => {
    const bank = combineBank(shipped);
    assert.deepEqual(bank.all.map((q) => q.id), ['testing/alpha', 'testing/zeta']);
    assert.deepEqual(bank.guides.map((g) => g.id), ['testing']);
  });

  it('on an id clash the shipped document wins, and the clash is listed once', () => {
    const impostor = { ...shippedQ('testing/alpha'), title: 'An organization’s replacement' };
    const impostorGuide = { ...shippedGuide, title: 'An organization’s replacement' };
    const bank = combineBank(shipped, { questions: [impostor], guides: [impostorGuide] });
    assert.equal(bank.get('testing/alpha')?.title, 'Design a flaky test detector');
    assert.equal(bank.all.filter((q) => q.id === 'testing/alpha').length, 1);
    assert.equal(bank.guide('testing'), shippedGuide);
    assert.equal(bank.guides.length, 1);
  });
});

describe('ids reserved for organizations', () => {
  it('"org" and "org-*" are reserved; other ids starting with "org" are not', () => {
    assert.ok(isReservedRoleId('org'));
    assert.ok(isReservedRoleId('org-x'));
    assert.ok(!isReservedRoleId('organic'));
    assert.ok(!isReservedRoleId('backend'));
  });

  for (const id of ['org', 'org-x']) {
    it(`the content check refuses a shipped guide with id "${id}"`, () => {
      const path = `roles/${id}.md`;
      const text = aRoleGuide({ id });
      const r = checkContent([{ path, text }]);
      const p = r.problems.find((x) => x.file === path && x.field === 'id');
      assert.ok(p, JSON.stringify(r.problems));
      assert.match(p.message, /reserved for organizations/);
      assert.match(lineText(text, p.line), new RegExp(`^id: ${id}$`));
    });
  }

  it('the content check accepts a shipped guide whose id merely starts with "org"', () => {
    const r = checkContent([{ path: 'roles/organic.md', text: aRoleGuide({ id: 'organic' }) }]);
    assert.deepEqual(r.problems, []);
  });
});
