/**
 * An organization's own questions and role guides over HTTP, in local mode (the one local user is an editor): the
 * editor's flow (JSON and Markdown: create, list, read for editing, replace, delete), the content shown beside the
 * shipped content (search, facets, question detail, model answer, role guides) with `source: 'organization'`,
 * practising it (score, attempt, review, progress, a session on the organization's guide, saved questions), and bad
 * input: invalid documents (400 naming fields, Markdown problems with line numbers), SQL metacharacters and path
 * tricks in slugs and ids (400/404, never a 500), renaming through PUT (400), duplicates and a guide in use (409).
 *
 * Documents are the shipped ones with their `id:` line replaced by `slug:` (and a few words changed so that search
 * can tell them apart from the originals).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parseQuestionFile, parseRoleGuideFile } from '../../src/core/content/parse.js';
import { startTestServer, type TestServer } from '../support/app.js';
import { orgMarkdown } from '../support/builders.js';

const contentFile = (path: string): string => readFileSync(new URL(`../../content/${path}`, import.meta.url), 'utf8');
const LIMITER_MD = contentFile('questions/backend/rate-limiter-design.md');
const INCIDENT_MD = contentFile('questions/backend/incident-mitigation-story.md');
const BACKEND_MD = contentFile('roles/backend.md');


/** A shipped question as the JSON an organization sends: every field, `slug` instead of `id`. */
function questionJson(shipped: string, path: string, slug: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const parsed = parseQuestionFile({ path, text: shipped });
  assert.ok(parsed.ok, 'the shipped fixture parses');
  const { id: _id, ...rest } = parsed.value;
  return { slug, ...rest, ...changes };
}

function guideJson(shipped: string, slug: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const parsed = parseRoleGuideFile({ path: 'roles/backend.md', text: shipped });
  assert.ok(parsed.ok, 'the shipped fixture parses');
  const { id: _id, ...rest } = parsed.value;
  return { slug, ...rest, ...changes };
}

const ANSWER =
  'First I would ask how many requests per second we expect and whether the limit is per API key or per tenant. I would use a token bucket per key in Redis, because it allows short bursts while bounding the average rate, and do the check-and-decrement atomically in a Lua script so two gateways cannot both admit the last token. If Redis is slow or down I would fail open with a local in-memory limiter for capacity limits, behind a tight timeout and a circuit breaker, so the limiter never becomes the outage. Clients get a 429 with Retry-After and the remaining quota in headers. At 10x I would shard the keys and lease batches of tokens to each gateway, accepting a little overshoot.';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface ErrorBody {
  error: { code: string; message: string; details?: string[] };
}
interface QuestionRecord {
  id: string;
  slug: string;
  question: Record<string, unknown> & { id: string; title: string; modelAnswer: string; roles: string[] };
  markdown: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}
interface GuideRecord {
  id: string;
  slug: string;
  guide: Record<string, unknown> & { id: string; title: string; overview: string; stages: { id: string }[] };
  markdown: string;
  createdAt: string;
  updatedAt: string;
}
interface Summary {
  id: string;
  source: 'shipped' | 'organization';
  title: string;
  roles: string[];
  stage: string;
  skills: string[];
}

let t: TestServer;
async function call(method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const res = await t.api.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  assert.ok(res.statusCode < 500, `${method} ${url} answered ${String(res.statusCode)}: ${res.body.slice(0, 500)}`);
  return res;
}
async function ok<T>(method: Method, url: string, payload?: unknown, status = 200, headers: Record<string, string> = {}): Promise<T> {
  const res = await call(method, url, payload, headers);
  assert.equal(res.statusCode, status, `${method} ${url}: ${res.body.slice(0, 800)}`);
  return (res.body === '' ? null : res.json()) as T;
}
async function fails(method: Method, url: string, payload: unknown, status: number, headers: Record<string, string> = {}): Promise<ErrorBody['error']> {
  const res = await call(method, url, payload, headers);
  assert.equal(res.statusCode, status, `${method} ${url}: expected ${String(status)}, got ${String(res.statusCode)}: ${res.body.slice(0, 800)}`);
  const body = res.json<ErrorBody>();
  assert.equal(typeof body.error.code, 'string');
  assert.equal(typeof body.error.message, 'string');
  return body.error;
}
const q = (id: string): string => `/api/questions/${encodeURIComponent(id)}`;

// The organization's content in this file.
const GUIDE = 'quokka-platform'; // org-quokka-platform, written as JSON, then replaced as Markdown
const LIMITER = 'zephyrine-limiter'; // org/zephyrine-limiter, Markdown, roles [org-quokka-platform, backend]
const INCIDENT = 'zephyrine-incident'; // org/zephyrine-incident, JSON, roles [org-quokka-platform]
const GUIDE_TITLE = 'Platform Engineering at Quokka';

before(async () => {
  t = await startTestServer();
});
after(async () => {
  await t.close();
});

describe('the editor: JSON and Markdown, create, list, read, replace, delete', () => {
  it('starts empty: the lists say how much the organization may add', async () => {
    const questions = await ok<{ items: unknown[]; limit: number }>('GET', '/api/org/questions');
    assert.deepEqual(questions.items, []);
    assert.ok(questions.limit > 0);
    const guides = await ok<{ items: unknown[]; limit: number }>('GET', '/api/org/roles');
    assert.deepEqual(guides.items, []);
    assert.ok(guides.limit > 0);
  });

  it('creates a role guide from JSON, stored as org-<slug>, with its Markdown', async () => {
    const body = guideJson(BACKEND_MD, GUIDE, { title: GUIDE_TITLE });
    const rec = await ok<GuideRecord>('POST', '/api/org/roles', body, 201);
    assert.equal(rec.id, `org-${GUIDE}`);
    assert.equal(rec.slug, GUIDE);
    assert.equal(rec.guide.id, `org-${GUIDE}`);
    assert.equal(rec.guide.title, GUIDE_TITLE);
    assert.equal(rec.guide.overview, body.overview);
    assert.match(rec.markdown, /^---\n/);
    assert.match(rec.markdown, new RegExp(`^slug: ${GUIDE}$`, 'm'));
    assert.doesNotMatch(rec.markdown, /^id:/m);
    assert.ok(!Number.isNaN(Date.parse(rec.createdAt)));
    const list = await ok<{ items: { id: string; slug: string; title: string; stageCount: number }[] }>('GET', '/api/org/roles');
    assert.deepEqual(list.items.map((g) => [g.id, g.slug, g.title, g.stageCount]), [[`org-${GUIDE}`, GUIDE, GUIDE_TITLE, rec.guide.stages.length]]);
  });

  it('creates a question from Markdown, in the organization’s guide and a shipped one', async () => {
    const md = orgMarkdown(LIMITER_MD, LIMITER, [
      [/^title: .*$/m, 'title: Design the Zephyrine rate limiter for our partner API'],
      ['roles: [backend, sre]', `roles: [org-${GUIDE}, backend]`],
      ['Design the rate limiter for our public REST API.', 'Design the rate limiter for the Zephyrine partner API.'],
    ]);
    const rec = await ok<QuestionRecord>('POST', '/api/org/questions/markdown', { markdown: md }, 201);
    assert.equal(rec.id, `org/${LIMITER}`);
    assert.equal(rec.slug, LIMITER);
    assert.equal(rec.question.id, `org/${LIMITER}`);
    assert.equal(rec.question.title, 'Design the Zephyrine rate limiter for our partner API');
    assert.deepEqual(rec.question.roles, [`org-${GUIDE}`, 'backend']);
    assert.ok(rec.question.modelAnswer.length >= 400);
    assert.equal(rec.createdBy, null, 'local mode has no users');
    assert.equal(rec.createdAt, rec.updatedAt);
  });

  it('creates a question from JSON', async () => {
    const body = questionJson(INCIDENT_MD, 'questions/backend/incident-mitigation-story.md', INCIDENT, {
      title: 'Tell us about a Zephyrine incident you mitigated',
      roles: [`org-${GUIDE}`],
    });
    const rec = await ok<QuestionRecord>('POST', '/api/org/questions', body, 201);
    assert.equal(rec.id, `org/${INCIDENT}`);
    assert.deepEqual(rec.question.roles, [`org-${GUIDE}`]);
    assert.equal(rec.question.modelAnswer, body.modelAnswer);
  });

  it('lists the organization’s questions and reads one whole, with Markdown that parses back to the same question', async () => {
    const list = await ok<{ items: { id: string; slug: string; title: string; roles: string[]; stage: string }[] }>('GET', '/api/org/questions');
    assert.deepEqual(list.items.map((i) => i.id).sort(), [`org/${INCIDENT}`, `org/${LIMITER}`]);
    const limiter = list.items.find((i) => i.id === `org/${LIMITER}`);
    assert.equal(limiter?.stage, 'system-design');
    const rec = await ok<QuestionRecord>('GET', `/api/org/questions/${LIMITER}`);
    assert.equal(rec.question.title, 'Design the Zephyrine rate limiter for our partner API');
    // The Markdown is the editing format: sent back unchanged under another slug it makes the same question.
    const copy = await ok<QuestionRecord>('POST', '/api/org/questions/markdown', { markdown: rec.markdown.replace(`slug: ${LIMITER}`, 'slug: limiter-copy') }, 201);
    const { id: _a, ...original } = rec.question;
    const { id: _b, ...copied } = copy.question;
    assert.deepEqual(copied, original);
    await ok('DELETE', '/api/org/questions/limiter-copy', undefined, 204);
  });

  it('replaces a question with JSON and with Markdown; the slug and creation time stay, the change shows at once', async () => {
    const before = await ok<QuestionRecord>('GET', `/api/org/questions/${INCIDENT}`);
    const { id: _id, ...fields } = before.question;
    const replaced = await ok<QuestionRecord>('PUT', `/api/org/questions/${INCIDENT}`, { ...fields, slug: INCIDENT, title: 'Walk us through a Zephyrine outage you mitigated', difficulty: 'hard' });
    assert.equal(replaced.id, `org/${INCIDENT}`);
    assert.equal(replaced.question.title, 'Walk us through a Zephyrine outage you mitigated');
    assert.equal(replaced.question.difficulty, 'hard');
    assert.equal(replaced.createdAt, before.createdAt);
    assert.ok(Date.parse(replaced.updatedAt) >= Date.parse(before.updatedAt));
    assert.equal((await ok<{ title: string }>('GET', q(`org/${INCIDENT}`))).title, 'Walk us through a Zephyrine outage you mitigated');

    const md = replaced.markdown.replace(/^title: .*$/m, 'title: Walk us through a Zephyrine outage you led');
    const again = await ok<QuestionRecord>('PUT', `/api/org/questions/${INCIDENT}/markdown`, { markdown: md });
    assert.equal(again.question.title, 'Walk us through a Zephyrine outage you led');
    assert.equal(again.question.difficulty, 'hard');
    assert.equal((await ok<{ title: string }>('GET', q(`org/${INCIDENT}`))).title, 'Walk us through a Zephyrine outage you led');
    const list = await ok<{ items: { id: string; title: string }[] }>('GET', '/api/org/questions');
    assert.equal(list.items.find((i) => i.id === `org/${INCIDENT}`)?.title, 'Walk us through a Zephyrine outage you led');
  });

  it('replaces a role guide with Markdown and reads it back', async () => {
    const rec = await ok<GuideRecord>('GET', `/api/org/roles/${GUIDE}`);
    assert.equal(rec.guide.title, GUIDE_TITLE);
    const md = rec.markdown.replace(/^summary: .*$/m, 'summary: Quokka platform loops test the services, APIs and data models behind our partner integrations, and how you run them.');
    assert.notEqual(md, rec.markdown);
    const replaced = await ok<GuideRecord>('PUT', `/api/org/roles/${GUIDE}/markdown`, { markdown: md });
    assert.match(String(replaced.guide.summary), /^Quokka platform loops/);
    const again = await ok<GuideRecord>('PUT', `/api/org/roles/${GUIDE}`, { ...guideJson(BACKEND_MD, GUIDE), title: GUIDE_TITLE, summary: replaced.guide.summary });
    assert.equal(again.guide.title, GUIDE_TITLE);
    assert.equal(again.createdAt, rec.createdAt);
  });

  it('deletes a question and a guide nobody uses (204), then they are gone (404)', async () => {
    await ok('POST', '/api/org/questions/markdown', { markdown: orgMarkdown(LIMITER_MD, 'short-lived') }, 201);
    await ok('POST', '/api/org/roles/markdown', { markdown: orgMarkdown(BACKEND_MD, 'short-lived') }, 201);
    assert.equal((await ok<{ id: string }>('GET', q('org/short-lived'))).id, 'org/short-lived');
    assert.equal((await ok<{ id: string }>('GET', '/api/roles/org-short-lived')).id, 'org-short-lived');
    await ok('DELETE', '/api/org/questions/short-lived', undefined, 204);
    await ok('DELETE', '/api/org/roles/short-lived', undefined, 204);
    assert.match((await fails('GET', q('org/short-lived'), undefined, 404)).message, /question "org\/short-lived" not found/);
    assert.match((await fails('GET', '/api/roles/org-short-lived', undefined, 404)).message, /role guide "org-short-lived" not found/);
    await fails('GET', '/api/org/questions/short-lived', undefined, 404);
    await fails('GET', '/api/org/roles/short-lived', undefined, 404);
    await fails('DELETE', '/api/org/questions/short-lived', undefined, 404);
    await fails('DELETE', '/api/org/roles/short-lived', undefined, 404);
    await fails('PUT', '/api/org/questions/short-lived', questionJson(LIMITER_MD, 'questions/backend/rate-limiter-design.md', 'short-lived'), 404);
    await fails('PUT', '/api/org/roles/short-lived/markdown', { markdown: orgMarkdown(BACKEND_MD, 'short-lived') }, 404);
    const list = await ok<{ items: { id: string }[] }>('GET', '/api/org/questions');
    assert.deepEqual(list.items.map((i) => i.id).sort(), [`org/${INCIDENT}`, `org/${LIMITER}`]);
  });
});

describe('shown beside the shipped content', () => {
  it('search finds the organization’s questions with source "organization", shipped ones with "shipped"', async () => {
    const hits = await ok<{ total: number; items: Summary[] }>('GET', '/api/questions?q=zephyrine');
    assert.deepEqual(hits.items.map((i) => [i.id, i.source]).sort(), [[`org/${INCIDENT}`, 'organization'], [`org/${LIMITER}`, 'organization']]);
    assert.equal(hits.total, 2);
    const limiter = await ok<{ items: Summary[] }>('GET', '/api/questions?q=rate%20limiter');
    const ids = limiter.items.map((i) => i.id);
    assert.ok(ids.includes('backend/rate-limiter-design') && ids.includes(`org/${LIMITER}`), ids.join(', '));
    for (const i of limiter.items) assert.equal(i.source, i.id.startsWith('org/') ? 'organization' : 'shipped');
    // Filters reach the organization's questions too.
    const byRole = await ok<{ total: number; items: Summary[] }>('GET', `/api/questions?role=org-${GUIDE}`);
    assert.deepEqual(byRole.items.map((i) => i.id).sort(), [`org/${INCIDENT}`, `org/${LIMITER}`]);
    const byStage = await ok<{ items: Summary[] }>('GET', '/api/questions?role=backend&stage=system-design&limit=200');
    assert.ok(byStage.items.some((i) => i.id === `org/${LIMITER}`));
    assert.ok(!byStage.items.some((i) => i.id === `org/${INCIDENT}`));
    const hard = await ok<{ items: Summary[] }>('GET', '/api/questions?difficulty=hard&q=zephyrine');
    assert.deepEqual(hard.items.map((i) => i.id), [`org/${INCIDENT}`]);
    // Paging past the end still counts them.
    const past = await ok<{ total: number; items: Summary[] }>('GET', '/api/questions?q=zephyrine&offset=50');
    assert.deepEqual(past, { total: 2, items: [] });
  });

  it('facets count the organization’s questions and name its guide', async () => {
    const all = await ok<{ total: number; roles: { id: string; count: number; title: string }[]; stages: { id: string; count: number; name?: string }[] }>('GET', '/api/questions/facets');
    const role = all.roles.find((r) => r.id === `org-${GUIDE}`);
    assert.deepEqual(role, { id: `org-${GUIDE}`, count: 2, title: GUIDE_TITLE });
    const shipped = await ok<{ total: number }>('GET', '/api/questions?limit=1');
    assert.equal(all.total, shipped.total);
    const within = await ok<{ total: number; stages: { id: string; count: number }[] }>('GET', `/api/questions/facets?role=org-${GUIDE}`);
    assert.equal(within.total, 2);
    assert.deepEqual(within.stages.map((s) => [s.id, s.count]).sort(), [['behavioral', 1], ['system-design', 1]]);
  });

  it('question detail (id URL-encoded, or as two path segments) and model answer', async () => {
    const detail = await ok<Summary & { modelAnswer?: string; rubric: unknown[] }>('GET', q(`org/${LIMITER}`));
    assert.equal(detail.id, `org/${LIMITER}`);
    assert.equal(detail.source, 'organization');
    assert.equal(detail.modelAnswer, undefined, 'the model answer has its own endpoint');
    assert.ok(detail.rubric.length >= 3);
    assert.equal((await ok<{ id: string }>('GET', `/api/questions/org/${LIMITER}`)).id, `org/${LIMITER}`);
    const answer = await ok<{ id: string; modelAnswer: string }>('GET', `${q(`org/${LIMITER}`)}/model-answer`);
    assert.equal(answer.id, `org/${LIMITER}`);
    assert.ok(answer.modelAnswer.length >= 400);
    assert.equal((await ok<{ id: string }>('GET', `/api/questions/org/${LIMITER}/model-answer`)).id, `org/${LIMITER}`);
    assert.equal((await ok<{ source: string }>('GET', q('backend/rate-limiter-design'))).source, 'shipped');
  });

  it('role guides: the list holds the organization’s guide, and its page groups its questions by stage', async () => {
    const list = await ok<{ items: { id: string; source: string; title: string; questionCount: number; stageCount: number }[] }>('GET', '/api/roles');
    const own = list.items.find((r) => r.id === `org-${GUIDE}`);
    assert.deepEqual(own && [own.source, own.title, own.questionCount], ['organization', GUIDE_TITLE, 2]);
    const backend = list.items.find((r) => r.id === 'backend');
    assert.equal(backend?.source, 'shipped');
    for (const r of list.items) assert.equal(r.source, r.id.startsWith('org-') ? 'organization' : 'shipped');

    const guide = await ok<{ id: string; source: string; questionCount: number; stages: { id: string; questions: Summary[] }[]; relatedRoles: { id: string; title: string }[] }>('GET', `/api/roles/org-${GUIDE}`);
    assert.equal(guide.source, 'organization');
    assert.equal(guide.questionCount, 2);
    const byStage = Object.fromEntries(guide.stages.map((s) => [s.id, s.questions.map((x) => [x.id, x.source])]));
    assert.deepEqual(byStage['system-design'], [[`org/${LIMITER}`, 'organization']]);
    assert.deepEqual(byStage.behavioral, [[`org/${INCIDENT}`, 'organization']]);
    assert.ok(guide.relatedRoles.some((r) => r.id === 'sre' && r.title !== 'sre'), 'related shipped roles are named');

    // The shipped guide lists the organization's question that names it among its roles.
    const shipped = await ok<{ source: string; questionCount: number; stages: { id: string; questions: Summary[] }[] }>('GET', '/api/roles/backend');
    assert.equal(shipped.source, 'shipped');
    const design = shipped.stages.find((s) => s.id === 'system-design')?.questions ?? [];
    assert.ok(design.some((x) => x.id === `org/${LIMITER}` && x.source === 'organization'));
    assert.ok(!shipped.stages.some((s) => s.questions.some((x) => x.id === `org/${INCIDENT}`)));
    assert.equal(list.items.find((r) => r.id === 'backend')?.questionCount, shipped.questionCount);
  });
});

describe('practising the organization’s questions', () => {
  it('scores an answer without recording it, the same way every time', async () => {
    const score = () => ok<{ score: number; verdict: string }>('POST', '/api/score', { questionId: `org/${LIMITER}`, answer: ANSWER, level: 'senior' });
    const [a, b] = [await score(), await score()];
    assert.deepEqual(a, b);
    assert.ok(a.score >= 50, `score ${String(a.score)}`);
    const weak = await ok<{ score: number }>('POST', '/api/score', { questionId: `org/${LIMITER}`, answer: 'fine' });
    assert.ok(weak.score <= 10);
  });

  it('records an attempt, schedules its review and counts it in progress on the organization’s guide', async () => {
    const key = randomUUID();
    const rec = await ok<{ id: string; questionId: string; questionTitle: string; score: number; modelAnswer: string; review: { due: string } | null }>(
      'POST', '/api/attempts', { questionId: `org/${LIMITER}`, answer: ANSWER }, 201, { 'idempotency-key': key },
    );
    assert.equal(rec.questionId, `org/${LIMITER}`);
    assert.equal(rec.questionTitle, 'Design the Zephyrine rate limiter for our partner API');
    assert.ok(rec.score >= 50);
    assert.ok(rec.modelAnswer.length >= 400);
    assert.ok(rec.review && !Number.isNaN(Date.parse(rec.review.due)));
    const replay = await call('POST', '/api/attempts', { questionId: `org/${LIMITER}`, answer: ANSWER }, { 'idempotency-key': key });
    assert.equal(replay.statusCode, 200);
    assert.equal(replay.json<{ id: string }>().id, rec.id);

    const attempts = await ok<{ items: { id: string; questionId: string; questionTitle: string }[] }>('GET', `/api/attempts?questionId=${encodeURIComponent(`org/${LIMITER}`)}`);
    assert.deepEqual(attempts.items.map((i) => [i.id, i.questionTitle]), [[rec.id, 'Design the Zephyrine rate limiter for our partner API']]);
    assert.equal((await ok<{ id: string }>('GET', `/api/attempts/${rec.id}`)).id, rec.id);

    const due = await ok<{ items: { questionId: string; title: string }[]; upcoming: { questionId: string; title: string }[] }>('GET', '/api/reviews/due');
    const review = [...due.items, ...due.upcoming].find((r) => r.questionId === `org/${LIMITER}`);
    assert.equal(review?.title, 'Design the Zephyrine rate limiter for our partner API');

    const progress = await ok<{ role: string; attempts: number; recent: { questionId: string; title: string }[]; readiness: { stage: string; practised: number; available: number }[]; mastery: { skill: string }[] }>(
      'GET', `/api/progress?role=org-${GUIDE}`,
    );
    assert.equal(progress.role, `org-${GUIDE}`);
    assert.equal(progress.attempts, 1);
    assert.equal(progress.recent[0]?.title, 'Design the Zephyrine rate limiter for our partner API');
    const design = progress.readiness.find((r) => r.stage === 'system-design');
    assert.ok(design && design.practised === 1 && design.available >= 1, JSON.stringify(progress.readiness));
    assert.ok(progress.mastery.some((m) => m.skill === 'rate-limiting'));
  });

  it('runs a practice session and a mock loop on the organization’s guide, asking the organization’s questions', async () => {
    const session = await ok<{ id: string; role: string; items: { questionId: string; title: string; stage: string }[] }>('POST', '/api/sessions', { role: `org-${GUIDE}`, mode: 'practice', level: 'senior', count: 5 }, 201);
    assert.equal(session.role, `org-${GUIDE}`);
    assert.deepEqual(session.items.map((i) => i.questionId).sort(), [`org/${INCIDENT}`, `org/${LIMITER}`]);
    const incident = session.items.find((i) => i.questionId === `org/${INCIDENT}`);
    assert.equal(incident?.title, 'Walk us through a Zephyrine outage you led');
    const answered = await ok<{ sessionId: string | null }>('POST', '/api/attempts', { questionId: `org/${INCIDENT}`, sessionId: session.id, answer: ANSWER }, 201, { 'idempotency-key': randomUUID() });
    assert.equal(answered.sessionId, session.id);
    const read = await ok<{ items: { questionId: string; attemptId: string | null }[] }>('GET', `/api/sessions/${session.id}`);
    assert.ok(read.items.find((i) => i.questionId === `org/${INCIDENT}`)?.attemptId);
    const finished = await ok<{ status: string }>('POST', `/api/sessions/${session.id}/finish`);
    assert.equal(finished.status, 'finished');

    const mock = await ok<{ id: string; items: { stage: string; questionId: string }[] }>('POST', '/api/sessions', { role: `org-${GUIDE}`, mode: 'mock', level: 'senior' }, 201);
    assert.deepEqual(mock.items.map((i) => [i.stage, i.questionId]).sort(), [['behavioral', `org/${INCIDENT}`], ['system-design', `org/${LIMITER}`]]);
    const card = await ok<{ stages: { stage: string; questionId: string }[] }>('GET', `/api/mock-loops/${mock.id}/scorecard`);
    assert.equal(card.stages.length, 2);
  });

  it('saves an organization’s question under its title', async () => {
    const saved = await ok<{ questionId: string; title: string; note: string }>('PUT', `/api/saved/${encodeURIComponent(`org/${LIMITER}`)}`, { note: 'before the Quokka onsite' });
    assert.deepEqual([saved.questionId, saved.title, saved.note], [`org/${LIMITER}`, 'Design the Zephyrine rate limiter for our partner API', 'before the Quokka onsite']);
    const list = await ok<{ items: { questionId: string; title: string | null }[] }>('GET', '/api/saved');
    assert.equal(list.items.find((i) => i.questionId === `org/${LIMITER}`)?.title, 'Design the Zephyrine rate limiter for our partner API');
    await fails('PUT', `/api/saved/${encodeURIComponent('org/never-written')}`, { note: '' }, 404);
  });

  it('a plan built from a posting can rank the organization’s questions, and names them', async () => {
    const posting =
      '# Senior Backend Engineer, Partner API\n\nYou will design and run the rate limiting, quotas and API gateway for our partner API, in Go on PostgreSQL and Redis, on AWS. Requirements: 5+ years building distributed backend services, rate limiting and caching with Redis, on-call for production incidents.';
    const plan = await ok<{ id: string; plan: { stages: { questions: { id: string }[] }[] }; markdown?: string }>('POST', '/api/plans', { text: posting }, 201);
    const ids = plan.plan.stages.flatMap((s) => s.questions.map((x) => x.id));
    assert.ok(ids.length > 0);
    // Whether the organization's copy ranks is the planner's call; every id it ranks must resolve.
    for (const id of ids) assert.equal((await call('GET', q(id))).statusCode, 200, id);
  });

  it('after a question and its guide are deleted, attempts, sessions, reviews, progress and saved entries still answer (no 5xx)', async () => {
    await ok('POST', '/api/org/roles/markdown', { markdown: orgMarkdown(BACKEND_MD, 'retired-guide', [[/^title: .*$/m, 'title: A guide the Quokka team will retire']]) }, 201);
    await ok('POST', '/api/org/questions/markdown', {
      markdown: orgMarkdown(LIMITER_MD, 'to-forget', [
        [/^title: .*$/m, 'title: A question the Zephyrine team will retire'],
        ['roles: [backend, sre]', 'roles: [org-retired-guide]'],
      ]),
    }, 201);
    const mock = await ok<{ id: string; items: { questionId: string }[] }>('POST', '/api/sessions', { role: 'org-retired-guide', mode: 'mock' }, 201);
    assert.deepEqual(mock.items.map((i) => i.questionId), ['org/to-forget']);
    const practice = await ok<{ id: string }>('POST', '/api/sessions', { role: 'org-retired-guide', mode: 'practice' }, 201);
    const rec = await ok<{ id: string }>('POST', '/api/attempts', { questionId: 'org/to-forget', answer: ANSWER, sessionId: mock.id }, 201, { 'idempotency-key': randomUUID() });
    await ok('PUT', `/api/saved/${encodeURIComponent('org/to-forget')}`, { note: 'later' });
    await ok('DELETE', '/api/org/questions/to-forget', undefined, 204);
    await ok('DELETE', '/api/org/roles/retired-guide', undefined, 204);

    assert.equal((await ok<{ id: string; questionId: string }>('GET', `/api/attempts/${rec.id}`)).questionId, 'org/to-forget');
    await ok('GET', '/api/attempts');
    await ok('GET', '/api/reviews/due');
    await ok('GET', '/api/progress');
    await ok('GET', `/api/progress?role=org-${GUIDE}`);
    const session = await ok<{ items: { questionId: string; attemptId: string | null }[] }>('GET', `/api/sessions/${mock.id}`);
    assert.deepEqual(session.items.map((i) => [i.questionId, i.attemptId]), [['org/to-forget', rec.id]]);
    await ok('GET', `/api/mock-loops/${mock.id}/scorecard`);
    await ok('GET', '/api/sessions');
    await ok('POST', `/api/sessions/${practice.id}/finish`);
    const saved = await ok<{ items: { questionId: string; title: string | null }[] }>('GET', '/api/saved');
    assert.equal(saved.items.find((i) => i.questionId === 'org/to-forget')?.title, null);
    await ok('DELETE', `/api/saved/${encodeURIComponent('org/to-forget')}`, undefined, 204);
    await fails('POST', '/api/score', { questionId: 'org/to-forget', answer: ANSWER }, 404);
    await fails('POST', '/api/attempts', { questionId: 'org/to-forget', answer: ANSWER }, 404, { 'idempotency-key': randomUUID() });
    await fails('POST', '/api/sessions', { role: 'org-retired-guide', mode: 'practice' }, 404);
  });
});

describe('bad input: 400 naming the problem, 404 or 409, never a 500', () => {
  const INVALID_JSON = (): Record<string, unknown> =>
    questionJson(LIMITER_MD, 'questions/backend/rate-limiter-design.md', 'json-invalid', { title: 'x', rubric: [], timeBudgetMinutes: 500 });
  const lineOf = (detail: string): number => Number(/^line (\d+): /.exec(detail)?.[1] ?? Number.NaN);

  it('broken YAML: 400, every problem in details with a line number', async () => {
    const md = orgMarkdown(LIMITER_MD, 'broken-yaml').replace(/^difficulty: medium$/m, 'difficulty: [medium');
    const err = await fails('POST', '/api/org/questions/markdown', { markdown: md }, 400);
    assert.equal(err.code, 'BAD_REQUEST');
    assert.match(err.message, /YAML/);
    assert.ok(err.details && err.details.length >= 1, JSON.stringify(err));
    for (const d of err.details) assert.ok(Number.isInteger(lineOf(d)) && lineOf(d) >= 1, `no line number in "${d}"`);
    const dup = orgMarkdown(LIMITER_MD, 'dup-key').replace(/^difficulty: medium$/m, 'difficulty: medium\ntitle: A second title for the same question');
    const dupErr = await fails('POST', '/api/org/questions/markdown', { markdown: dup }, 400);
    assert.match(dupErr.message, /YAML: Map keys must be unique/);
    assert.ok(dupErr.details?.every((d) => lineOf(d) >= 1));
  });

  it(
    'broken YAML: the line number is the line of the problem',
    async () => {
      const lines = orgMarkdown(LIMITER_MD, 'broken-yaml').split('\n');
      const at = lines.findIndex((l) => l === 'difficulty: medium');
      lines[at] = 'difficulty: "medium';
      const err = await fails('POST', '/api/org/questions/markdown', { markdown: lines.join('\n') }, 400);
      const line = lineOf(err.details?.[0] ?? '');
      assert.ok(line >= at + 1, `reported line ${String(line)}, the problem is on line ${String(at + 1)}`);
    },
  );

  it('Markdown without front matter: 400 at line 1', async () => {
    const err = await fails('POST', '/api/org/questions/markdown', { markdown: '# Design a rate limiter\n\nJust prose, no front matter.' }, 400);
    assert.match(err.message, /front matter/);
    assert.deepEqual(err.details?.map(lineOf), [1]);
    const guideErr = await fails('POST', '/api/org/roles/markdown', { markdown: 'slug: no-dashes\ntitle: Platform\n' }, 400);
    assert.match(guideErr.message, /front matter/);
  });

  it('fields too short or wrong: 400 naming each field, at its line', async () => {
    const md = orgMarkdown(LIMITER_MD, 'too-short', [
      [/^title: .*$/m, 'title: Limiter'],
      [/^difficulty: medium$/m, 'difficulty: brutal'],
    ]);
    const lines = md.split('\n');
    const titleLine = lines.findIndex((l) => l.startsWith('title:')) + 1;
    const difficultyLine = lines.findIndex((l) => l.startsWith('difficulty:')) + 1;
    const err = await fails('POST', '/api/org/questions/markdown', { markdown: md }, 400);
    assert.match(err.message, /title/);
    assert.match(err.message, /difficulty/);
    const details = err.details ?? [];
    assert.ok(details.some((d) => lineOf(d) === titleLine && /title: must be at least 8 characters/.test(d)), details.join('\n'));
    assert.ok(details.some((d) => lineOf(d) === difficultyLine && /difficulty:/.test(d)), details.join('\n'));

    // The Markdown body is the model answer: too short names it at the body's first line.
    const body = orgMarkdown(LIMITER_MD, 'short-body').replace(/\n---\n[\s\S]*$/, '\n---\n\nToo short to be a model answer.\n');
    const bodyLine = body.split('\n').findIndex((l) => l.startsWith('Too short')) + 1;
    const bodyErr = await fails('POST', '/api/org/questions/markdown', { markdown: body }, 400);
    assert.ok(bodyErr.details?.some((d) => /modelAnswer/.test(d) && Math.abs(lineOf(d) - bodyLine) <= 1), JSON.stringify(bodyErr));

    // JSON: every problem named in the message (no line numbers to give).
    const jsonErr = await fails('POST', '/api/org/questions', INVALID_JSON(), 400);
    for (const field of ['title', 'rubric', 'timeBudgetMinutes']) assert.match(jsonErr.message, new RegExp(field));
    const guideErr = await fails('POST', '/api/org/roles', guideJson(BACKEND_MD, 'guide-invalid', { stages: [], faq: 'none' }), 400);
    assert.match(guideErr.message, /stages/);
    assert.match(guideErr.message, /faq/);
    await fails('POST', '/api/org/questions', { slug: 'only-a-slug' }, 400);
    await fails('POST', '/api/org/questions', [], 400);
    await fails('POST', '/api/org/questions/markdown', { markdown: '' }, 400);
    await fails('POST', '/api/org/questions/markdown', { text: orgMarkdown(LIMITER_MD, 'wrong-field') }, 400);
    await fails('POST', '/api/org/questions/markdown', { markdown: 'x'.repeat(200_001) }, 400);
  });

  it(
    'invalid JSON: error.details lists each problem, as for Markdown',
    async () => {
      const err = await fails('POST', '/api/org/questions', INVALID_JSON(), 400);
      assert.ok((err.details ?? []).length >= 3, JSON.stringify(err));
    },
  );

  it('a question must name guides that exist and a stage in their loop', async () => {
    const unknownRole = await fails('POST', '/api/org/questions/markdown', { markdown: orgMarkdown(LIMITER_MD, 'no-such-role', [['roles: [backend, sre]', 'roles: [org-nowhere]']]) }, 400);
    assert.match(unknownRole.message, /roles/);
    assert.match(unknownRole.message, /org-nowhere/);
    const badStage = await fails('POST', '/api/org/questions/markdown', { markdown: orgMarkdown(LIMITER_MD, 'no-such-stage', [[/^stage: .*$/m, 'stage: whiteboard-poetry']]) }, 400);
    assert.match(badStage.message, /stage/);
    // The shipped id format is not the organization's: an id is refused, and the slug is required.
    const withId = await fails('POST', '/api/org/questions/markdown', { markdown: LIMITER_MD }, 400);
    assert.match(withId.message, /slug/);
  });

  it('replacing a guide so that its questions would break: 400 naming the question', async () => {
    const rec = await ok<GuideRecord>('GET', `/api/org/roles/${GUIDE}`);
    const { id: _id, ...fields } = rec.guide;
    const stages = rec.guide.stages.filter((s) => s.id !== 'behavioral');
    const err = await fails('PUT', `/api/org/roles/${GUIDE}`, { ...fields, slug: GUIDE, stages }, 400);
    assert.match(err.message, new RegExp(`org/${INCIDENT}`));
    assert.equal((await ok<GuideRecord>('GET', `/api/org/roles/${GUIDE}`)).guide.stages.length, rec.guide.stages.length, 'unchanged');
  });

  it('SQL metacharacters, path tricks and very long values in slugs and ids: 400 or 404, and the data is intact', async () => {
    const slugs = [`'; drop table org_questions; --`, `' or '1'='1`, '..%2F..%2Fetc%2Fpasswd', '..', '%2e%2e%2f', 'a'.repeat(81), 'a'.repeat(300), 'UPPER', 'with space', 'trailing-', 'a--b', '%00', 'org%2Fx'];
    for (const raw of slugs) {
      const path = raw.includes('%') ? raw : encodeURIComponent(raw);
      for (const [method, url, payload] of [
        ['GET', `/api/org/questions/${path}`, undefined],
        ['PUT', `/api/org/questions/${path}`, questionJson(LIMITER_MD, 'questions/backend/rate-limiter-design.md', LIMITER)],
        ['PUT', `/api/org/questions/${path}/markdown`, { markdown: orgMarkdown(LIMITER_MD, LIMITER) }],
        ['DELETE', `/api/org/questions/${path}`, undefined],
        ['GET', `/api/org/roles/${path}`, undefined],
        ['DELETE', `/api/org/roles/${path}`, undefined],
      ] as const) {
        const res = await call(method, url, payload);
        assert.ok([400, 404].includes(res.statusCode), `${method} ${url.slice(0, 120)}: ${String(res.statusCode)} ${res.body.slice(0, 300)}`);
      }
      // As the slug inside a document: a 400 naming the slug.
      const inBody = await fails('POST', '/api/org/questions', questionJson(LIMITER_MD, 'questions/backend/rate-limiter-design.md', raw), 400);
      assert.match(inBody.message, /slug/);
      const inMarkdown = await fails('POST', '/api/org/roles/markdown', { markdown: BACKEND_MD.replace(/^id: .*$/m, `slug: ${JSON.stringify(raw)}`) }, 400);
      assert.match(inMarkdown.message, /slug/);
    }
    const ids = [`org/'; drop table org_questions; --`, 'org/../../etc/passwd', 'org/..', `org/${'a'.repeat(190)}`, 'org/%00', `org-' or 1=1 --`, 'org/'];
    for (const id of ids) {
      for (const [method, url, payload] of [
        ['GET', q(id), undefined],
        ['GET', `${q(id)}/model-answer`, undefined],
        ['PUT', `/api/saved/${encodeURIComponent(id)}`, { note: '' }],
        ['DELETE', `/api/saved/${encodeURIComponent(id)}`, undefined],
        ['GET', `/api/roles/${encodeURIComponent(id)}`, undefined],
        ['POST', '/api/score', { questionId: id, answer: ANSWER }],
        ['POST', '/api/sessions', { role: id.slice(0, 60), mode: 'practice' }],
        ['GET', `/api/progress?role=${encodeURIComponent(id.slice(0, 60))}`, undefined],
      ] as const) {
        const res = await call(method, url, payload);
        assert.ok([400, 404].includes(res.statusCode), `${method} ${url.slice(0, 120)}: ${String(res.statusCode)} ${res.body.slice(0, 300)}`);
      }
      const attempt = await call('POST', '/api/attempts', { questionId: id, answer: ANSWER }, { 'idempotency-key': randomUUID() });
      assert.ok([400, 404].includes(attempt.statusCode), attempt.body);
    }
    const long = await call('GET', q(`org/${'a'.repeat(250)}`));
    assert.equal(long.statusCode, 400);
    // Beyond the router's limit on a path parameter (300 characters) Fastify refuses before any route runs (its own
    // 414 or 403, the same for every route of the API); never a 5xx.
    for (const [method, url] of [
      ['GET', `/api/org/questions/${'a'.repeat(5000)}`],
      ['DELETE', `/api/org/questions/${'a'.repeat(5000)}`],
      ['PUT', `/api/org/roles/${'a'.repeat(5000)}/markdown`],
      ['GET', q(`org/${'a'.repeat(5000)}`)],
    ] as const) {
      const res = await call(method, url, method === 'PUT' ? { markdown: orgMarkdown(BACKEND_MD, GUIDE) } : undefined);
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${method} ${url.slice(0, 60)}…: ${String(res.statusCode)}`);
    }
    // Still all there.
    const list = await ok<{ items: { id: string }[] }>('GET', '/api/org/questions');
    assert.deepEqual(list.items.map((i) => i.id).sort(), [`org/${INCIDENT}`, `org/${LIMITER}`]);
    assert.equal((await ok<{ items: unknown[] }>('GET', '/api/org/roles')).items.length, 1);
  });

  it('NUL characters in a document: 400, never a 500', async () => {
    const md = orgMarkdown(LIMITER_MD, 'nul-char').replace('Design the rate limiter for our public REST API.', 'Design the rate limiter\u0000 for our API.');
    await fails('POST', '/api/org/questions/markdown', { markdown: md }, 400);
    await fails('POST', '/api/org/questions', questionJson(LIMITER_MD, 'questions/backend/rate-limiter-design.md', 'nul-json', { title: 'Design a rate\u0000 limiter for us' }), 400);
    await fails('GET', q('org/nul-char'), undefined, 404);
  });

  it('text PostgreSQL cannot hold is named by field; the escape written out as text is fine', async () => {
    const nul = await fails('POST', '/api/org/questions', questionJson(LIMITER_MD, 'questions/backend/rate-limiter-design.md', 'nul-field', { whyAsked: `A NUL\u0000 here. ${'x'.repeat(60)}` }), 400);
    assert.match(nul.message, /whyAsked/);
    assert.match(nul.message, /NUL/);
    const surrogate = await fails('POST', '/api/org/questions', questionJson(LIMITER_MD, 'questions/backend/rate-limiter-design.md', 'lone-surrogate', { title: 'Design a limiter \ud800 for us' }), 400);
    assert.match(surrogate.message, /title/);
    // The six characters \u0000, written in a sentence about JSON, are text like any other.
    const literal = await ok<QuestionRecord>('POST', '/api/org/questions', questionJson(LIMITER_MD, 'questions/backend/rate-limiter-design.md', 'escape-in-text', { whyAsked: `PostgreSQL refuses the JSON escape \\u0000 in text columns; ${'the candidate should know why. '.repeat(3)}` }), 201);
    assert.match(String(literal.question.whyAsked), /\\u0000/);
    await ok('DELETE', '/api/org/questions/escape-in-text', undefined, 204);
  });

  it('size limits: a field, a list or a document too large is a 400 naming it', async () => {
    const base = (slug: string, changes: Record<string, unknown>) => questionJson(LIMITER_MD, 'questions/backend/rate-limiter-design.md', slug, changes);
    const longField = await fails('POST', '/api/org/questions', base('long-field', { prompt: `Design a rate limiter. ${'Explain the trade-offs. '.repeat(400)}` }), 400);
    assert.match(longField.message, /prompt/);
    assert.match(longField.message, /at most 4000/);
    const hints = Array.from({ length: 31 }, (_, i) => `A nudge number ${String(i)} towards the answer.`);
    const longList = await fails('POST', '/api/org/questions', base('long-list', { hints }), 400);
    assert.match(longList.message, /hints/);
    assert.match(longList.message, /at most 30/);
    // Within every per-field and per-list limit, but too large as a whole.
    const point = (i: number) => ({ id: `point-${String(i)}`, weight: 3, point: `A strong answer covers aspect ${String(i)}. ${'y'.repeat(1500)}`, signals: Array.from({ length: 30 }, (_, j) => `signal ${String(i)}-${String(j)} ${'z'.repeat(60)}`) });
    const big = await fails('POST', '/api/org/questions', base('too-big', { rubric: Array.from({ length: 20 }, (_, i) => point(i)) }), 400);
    assert.match(big.message, /bytes; at most 64000/);
    await fails('GET', q('org/too-big'), undefined, 404);
  });

  it('a YAML alias bomb is a 400, never a 500', async () => {
    const lines = ['---', 'slug: alias-bomb', 'a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]', '---', '', 'body'];
    const err = await fails('POST', '/api/org/questions/markdown', { markdown: lines.join('\n') }, 400);
    assert.match(err.message, /YAML/);
    await fails('POST', '/api/org/roles/markdown', { markdown: lines.join('\n') }, 400);
  });

  it('renaming through PUT: 400, and nothing changes', async () => {
    const err = await fails('PUT', `/api/org/questions/${LIMITER}`, questionJson(LIMITER_MD, 'questions/backend/rate-limiter-design.md', 'renamed-limiter', { roles: [`org-${GUIDE}`, 'backend'] }), 400);
    assert.match(err.message, /slug/);
    await fails('PUT', `/api/org/questions/${LIMITER}/markdown`, { markdown: orgMarkdown(LIMITER_MD, 'renamed-limiter') }, 400);
    await fails('PUT', `/api/org/roles/${GUIDE}`, guideJson(BACKEND_MD, 'renamed-guide'), 400);
    await fails('PUT', `/api/org/roles/${GUIDE}/markdown`, { markdown: orgMarkdown(BACKEND_MD, 'renamed-guide') }, 400);
    await fails('GET', q('org/renamed-limiter'), undefined, 404);
    await fails('GET', '/api/roles/org-renamed-guide', undefined, 404);
    assert.equal((await ok<{ title: string }>('GET', q(`org/${LIMITER}`))).title, 'Design the Zephyrine rate limiter for our partner API');
  });

  it('a duplicate slug: 409, and the first stays', async () => {
    const err = await fails('POST', '/api/org/questions/markdown', { markdown: orgMarkdown(LIMITER_MD, LIMITER) }, 409);
    assert.equal(err.code, 'CONFLICT');
    assert.match(err.message, new RegExp(`org/${LIMITER}`));
    await fails('POST', '/api/org/questions', questionJson(INCIDENT_MD, 'questions/backend/incident-mitigation-story.md', INCIDENT), 409);
    await fails('POST', '/api/org/roles', guideJson(BACKEND_MD, GUIDE), 409);
    await fails('POST', '/api/org/roles/markdown', { markdown: orgMarkdown(BACKEND_MD, GUIDE) }, 409);
    assert.equal((await ok<{ title: string }>('GET', q(`org/${LIMITER}`))).title, 'Design the Zephyrine rate limiter for our partner API');
    assert.equal((await ok<{ title: string }>('GET', `/api/roles/org-${GUIDE}`)).title, GUIDE_TITLE);
  });

  it('a guide in use: 409 naming its questions; a related role: 409; once unused it can go', async () => {
    const err = await fails('DELETE', `/api/org/roles/${GUIDE}`, undefined, 409);
    assert.equal(err.code, 'CONFLICT');
    assert.match(err.message, new RegExp(`org/${INCIDENT}`));
    assert.equal((await ok<{ id: string }>('GET', `/api/roles/org-${GUIDE}`)).id, `org-${GUIDE}`);

    // A second guide that names the first as a related role keeps the first in place too.
    const related = await ok<GuideRecord>('POST', '/api/org/roles', guideJson(BACKEND_MD, 'quokka-data', {
      title: 'Data Engineering at Quokka',
      relatedRoles: [{ id: `org-${GUIDE}`, why: 'The platform team owns the services this data comes from.' }],
    }), 201);
    assert.equal(related.id, 'org-quokka-data');
    const detail = await ok<{ relatedRoles: { id: string; title: string }[] }>('GET', '/api/roles/org-quokka-data');
    assert.deepEqual(detail.relatedRoles, [{ id: `org-${GUIDE}`, why: 'The platform team owns the services this data comes from.', title: GUIDE_TITLE }]);
    const unrelatedGuideMissing = await fails('POST', '/api/org/roles', guideJson(BACKEND_MD, 'quokka-ghost', {
      relatedRoles: [{ id: 'org-nowhere', why: 'A related role that does not exist anywhere.' }],
    }), 400);
    assert.match(unrelatedGuideMissing.message, /relatedRoles/);

    await ok('DELETE', `/api/org/questions/${INCIDENT}`, undefined, 204);
    // The limiter still names the guide.
    assert.match((await fails('DELETE', `/api/org/roles/${GUIDE}`, undefined, 409)).message, new RegExp(`org/${LIMITER}`));
    const { id: _id, ...fields } = (await ok<QuestionRecord>('GET', `/api/org/questions/${LIMITER}`)).question;
    await ok('PUT', `/api/org/questions/${LIMITER}`, { ...fields, slug: LIMITER, roles: ['backend'] });
    assert.match((await fails('DELETE', `/api/org/roles/${GUIDE}`, undefined, 409)).message, /quokka-data/);
    await ok('DELETE', '/api/org/roles/quokka-data', undefined, 204);
    await ok('DELETE', `/api/org/roles/${GUIDE}`, undefined, 204);
    await fails('GET', `/api/roles/org-${GUIDE}`, undefined, 404);
    assert.ok(!(await ok<{ items: { id: string }[] }>('GET', '/api/roles')).items.some((r) => r.id.startsWith('org-')));
    // Sessions and progress on the removed guide: 404, not a crash.
    await fails('POST', '/api/sessions', { role: `org-${GUIDE}`, mode: 'practice' }, 404);
    await fails('GET', `/api/progress?role=org-${GUIDE}`, undefined, 404);
  });
});
