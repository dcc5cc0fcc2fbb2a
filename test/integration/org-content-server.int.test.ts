/**
 * An organization's own questions and role guides in server mode, on a real PostgreSQL server (the harness starts
 * one), migrated as the owner and served as a login role that can only assume the app role — as in production.
 *
 * Organization A (Acme): an owner and a coach write questions and a role guide; a member sees them beside the
 * shipped content and practises them, but cannot edit them or read them through the editor's endpoints (403).
 * Organization B (Globex) never sees A's content in any list, and A's ids answer B exactly the 404 of an id that
 * never existed (the same body once the id is masked): question detail, model answer, role guide, score, attempts,
 * sessions, saved questions, progress, and the editor's endpoints. A signed-out request sees the shipped content
 * only (a cookie that is not a session counts as signed out); a forged or expired bearer token is a 401. The same
 * slug lives in A and B independently.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createApp, type App } from '../../src/app.js';
import { buildServer } from '../../src/http/server.js';
import type { Api } from '../../src/http/types.js';
import { resolveConfig } from '../../src/infra/config.js';
import { parseQuestionFile } from '../../src/core/content/parse.js';
import { startServerModeDatabase, type ServerModeDatabase } from '../support/server-mode.js';
import { orgMarkdown } from '../support/builders.js';

const BASE = 'http://localhost:3000';
const SECRET = 'org-content-server-test-secret-long-enough-to-sign';
const contentFile = (path: string): string => readFileSync(new URL(`../../content/${path}`, import.meta.url), 'utf8');
const LIMITER_MD = contentFile('questions/backend/rate-limiter-design.md');
const INCIDENT_MD = contentFile('questions/backend/incident-mitigation-story.md');
const BACKEND_MD = contentFile('roles/backend.md');
const ANSWER =
  'First I would ask how many requests per second we expect and whether the limit is per API key or per tenant. I would use a token bucket per key in Redis, because it allows short bursts while bounding the average rate, and do the check-and-decrement atomically in a Lua script so two gateways cannot both admit the last token. If Redis is slow or down I would fail open with a local in-memory limiter, behind a tight timeout and a circuit breaker. Clients get a 429 with Retry-After.';

/** Words that appear only in A's content, and only in B's: no response to the other may carry them. */
const A_MARK = 'Acmeflux';
const B_MARK = 'Globexine';

let db: ServerModeDatabase | undefined;
let app: App | undefined;
let api: Api | undefined;

type Headers = Record<string, string>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface User {
  id: string;
  email: string;
  cookie: string;
  token: string;
}

function server(): Api {
  if (!api) throw new Error('the server did not start');
  return api;
}
async function call(method: Method, url: string, headers: Headers = {}, payload?: unknown) {
  const res = await server().inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  assert.ok(res.statusCode < 500, `${method} ${url} answered ${String(res.statusCode)}: ${res.body.slice(0, 500)}`);
  return res;
}
async function ok<T>(method: Method, url: string, headers: Headers, payload?: unknown, status = 200): Promise<T> {
  const res = await call(method, url, headers, payload);
  assert.equal(res.statusCode, status, `${method} ${url}: ${res.body.slice(0, 600)}`);
  return (res.body === '' ? null : res.json()) as T;
}
async function sql(text: string, params: unknown[] = []): Promise<void> {
  if (!db) throw new Error('no database');
  const c = new pg.Client({ connectionString: db.superUrl });
  await c.connect();
  try {
    await c.query(text, params);
  } finally {
    await c.end();
  }
}

const sessionCookie = (setCookie: string | string[] | undefined): string => {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('loopcoach.session_token='));
  assert.ok(found, `no session cookie in ${JSON.stringify(all)}`);
  return found;
};
async function signUp(name: string, email: string): Promise<User> {
  const res = await call('POST', '/api/auth/sign-up/email', { origin: BASE }, { name, email, password: 'correct horse battery' });
  assert.equal(res.statusCode, 200, res.body);
  const token = res.headers['set-auth-token'];
  assert.equal(typeof token, 'string');
  return { id: res.json<{ user: { id: string } }>().user.id, email, cookie: sessionCookie(res.headers['set-cookie']), token: token as string };
}
async function createOrganization(owner: User, name: string): Promise<string> {
  return (await ok<{ id: string }>('POST', '/api/auth/organization/create', { cookie: owner.cookie, origin: BASE }, { name, slug: 'ignored' })).id;
}
async function join(user: User, inviter: User, organizationId: string, role: 'member' | 'coach'): Promise<void> {
  const inv = await ok<{ id: string }>('POST', '/api/auth/organization/invite-member', { cookie: inviter.cookie, origin: BASE }, { organizationId, email: user.email, role });
  await ok('POST', '/api/auth/organization/accept-invitation', { cookie: user.cookie, origin: BASE }, { invitationId: inv.id });
}

/** A script acting for an organization with its API token. */
const bearer = (u: User, organizationId?: string): Headers => ({ authorization: `Bearer ${u.token}`, ...(organizationId ? { 'x-organization-id': organizationId } : {}) });
/** A browser acting for an organization with its session cookie. */
const browser = (u: User, organizationId?: string): Headers => ({ cookie: u.cookie, origin: BASE, ...(organizationId ? { 'x-organization-id': organizationId } : {}) });

function questionJson(shipped: string, path: string, slug: string, changes: Record<string, unknown>): Record<string, unknown> {
  const parsed = parseQuestionFile({ path, text: shipped });
  assert.ok(parsed.ok);
  const { id: _id, ...rest } = parsed.value;
  return { slug, ...rest, ...changes };
}
const q = (id: string): string => `/api/questions/${encodeURIComponent(id)}`;

let owner: User; // owner of A
let coach: User; // coach of A
let member: User; // member of A
let bOwner: User; // owner of B
let bMember: User; // member of B
let orgA = '';
let orgB = '';
let bPersonal = '';

/** The user's personal organization (their active one, when none is named, is the last they created or joined). */
async function personalOf(u: User): Promise<string> {
  const me = await ok<{ organizations: { id: string; kind: string }[] }>('GET', '/api/me', bearer(u));
  const personal = me.organizations.find((o) => o.kind === 'personal')?.id;
  assert.ok(personal);
  return personal;
}

// A's content.
const GUIDE = 'acme-platform'; // org-acme-platform (by the owner, Markdown)
const LIMITER = 'acme-limiter'; // org/acme-limiter (by the coach, JSON), roles [org-acme-platform, backend]
const INCIDENT = 'acme-incident'; // org/acme-incident (by the owner, Markdown), roles [org-acme-platform]
const SHARED = 'shared-slug'; // org/shared-slug in A and in B, with different content
const A_IDS = [`org/${LIMITER}`, `org/${INCIDENT}`];

before(async () => {
  db = await startServerModeDatabase('org_content');
  app = await createApp(
    resolveConfig({ mode: 'server' }, { DATABASE_URL: db.serverUrl, BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: BASE, LOOPCOACH_AUTH_RATE_LIMIT: 'off' }),
  );
  api = await buildServer(app);
  await api.ready();

  owner = await signUp('Olivia Owner', 'owner@acme.example');
  coach = await signUp('Carl Coach', 'coach@acme.example');
  member = await signUp('Mia Member', 'member@acme.example');
  bOwner = await signUp('Boris Owner', 'owner@globex.example');
  bMember = await signUp('Bea Member', 'member@globex.example');
  orgA = await createOrganization(owner, 'Acme Coaching');
  orgB = await createOrganization(bOwner, 'Globex Hiring');
  await join(coach, owner, orgA, 'coach');
  await join(member, owner, orgA, 'member');
  await join(bMember, bOwner, orgB, 'member');
  bPersonal = await personalOf(bOwner);
});
after(async () => {
  await api?.close().catch(() => undefined);
  await app?.close().catch(() => undefined);
  await db?.stop();
});

/** Every page of /api/questions as `headers` sees it. */
async function allQuestions(headers: Headers): Promise<{ id: string; source: string; title: string }[]> {
  const out: { id: string; source: string; title: string }[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await ok<{ total: number; items: { id: string; source: string; title: string }[] }>('GET', `/api/questions?limit=200&offset=${String(offset)}`, headers);
    out.push(...page.items);
    if (offset + 200 >= page.total) return out;
  }
}

describe('organization A: owners and coaches write', () => {
  it('the owner adds a role guide (Markdown) and a question (Markdown); the coach adds a question (JSON)', async () => {
    const guide = await ok<{ id: string; createdBy: string }>('POST', '/api/org/roles/markdown', bearer(owner, orgA), {
      markdown: orgMarkdown(BACKEND_MD, GUIDE, [[/^title: .*$/m, `title: ${A_MARK} Platform Engineering`]]),
    }, 201);
    assert.equal(guide.id, `org-${GUIDE}`);
    assert.equal(guide.createdBy, owner.id);

    const incident = await ok<{ id: string; createdBy: string }>('POST', '/api/org/questions/markdown', browser(owner, orgA), {
      markdown: orgMarkdown(INCIDENT_MD, INCIDENT, [
        [/^title: .*$/m, `title: Tell us about an ${A_MARK} incident you mitigated`],
        [/^roles: .*$/m, `roles: [org-${GUIDE}]`],
      ]),
    }, 201);
    assert.deepEqual([incident.id, incident.createdBy], [`org/${INCIDENT}`, owner.id]);

    const limiter = await ok<{ id: string; createdBy: string; updatedBy: string }>('POST', '/api/org/questions', bearer(coach, orgA), questionJson(LIMITER_MD, 'questions/backend/rate-limiter-design.md', LIMITER, {
      title: `Design the ${A_MARK} rate limiter`,
      roles: [`org-${GUIDE}`, 'backend'],
    }), 201);
    assert.deepEqual([limiter.id, limiter.createdBy, limiter.updatedBy], [`org/${LIMITER}`, coach.id, coach.id]);
  });

  it('the coach reads for editing and replaces; updatedBy records who', async () => {
    const rec = await ok<{ question: Record<string, unknown> & { id: string }; createdBy: string }>('GET', `/api/org/questions/${INCIDENT}`, bearer(coach, orgA));
    const { id: _id, ...fields } = rec.question;
    const replaced = await ok<{ createdBy: string; updatedBy: string; question: { difficulty: string } }>('PUT', `/api/org/questions/${INCIDENT}`, bearer(coach, orgA), { ...fields, slug: INCIDENT, difficulty: 'hard' });
    assert.deepEqual([replaced.createdBy, replaced.updatedBy, replaced.question.difficulty], [owner.id, coach.id, 'hard']);
    const guide = await ok<{ markdown: string }>('GET', `/api/org/roles/${GUIDE}`, browser(coach, orgA));
    const again = await ok<{ updatedBy: string }>('PUT', `/api/org/roles/${GUIDE}/markdown`, browser(coach, orgA), { markdown: guide.markdown });
    assert.equal(again.updatedBy, coach.id);
    const list = await ok<{ items: { id: string; createdBy: string; updatedBy: string }[] }>('GET', '/api/org/questions', bearer(owner, orgA));
    assert.deepEqual(list.items.map((i) => i.id).sort(), [...A_IDS].sort());
  });

  it('an organization’s content is the organization’s, not the user’s: the owner’s personal workspace does not hold it', async () => {
    const h = bearer(owner, await personalOf(owner));
    const personal = await allQuestions(h);
    assert.ok(!personal.some((x) => x.id.startsWith('org/')), 'no organization content in the personal workspace');
    assert.deepEqual((await ok<{ items: unknown[] }>('GET', '/api/org/questions', h)).items, []);
    assert.equal((await call('GET', q(`org/${LIMITER}`), h)).statusCode, 404);
    assert.ok(!(await ok<{ items: { id: string }[] }>('GET', '/api/roles', h)).items.some((r) => r.id.startsWith('org-')));
  });
});

describe('organization A: a member sees and practises, but does not edit', () => {
  it('sees the questions in search, detail, model answer and facets, with source "organization"', async () => {
    for (const headers of [bearer(member, orgA), browser(member, orgA)]) {
      const hits = await ok<{ items: { id: string; source: string }[] }>('GET', `/api/questions?q=${A_MARK}`, headers);
      assert.deepEqual(hits.items.map((i) => [i.id, i.source]).sort(), A_IDS.map((id) => [id, 'organization']).sort());
      const detail = await ok<{ id: string; source: string; title: string }>('GET', q(`org/${LIMITER}`), headers);
      assert.deepEqual([detail.id, detail.source, detail.title], [`org/${LIMITER}`, 'organization', `Design the ${A_MARK} rate limiter`]);
      assert.ok((await ok<{ modelAnswer: string }>('GET', `${q(`org/${LIMITER}`)}/model-answer`, headers)).modelAnswer.length >= 400);
      const facets = await ok<{ roles: { id: string; count: number; title: string }[] }>('GET', '/api/questions/facets', headers);
      assert.deepEqual(facets.roles.find((r) => r.id === `org-${GUIDE}`), { id: `org-${GUIDE}`, count: 2, title: `${A_MARK} Platform Engineering` });
    }
    // The member's active organization, when none is named, is A (they accepted its invitation); their personal one
    // holds nothing of A's.
    assert.equal((await ok<{ total: number }>('GET', `/api/questions?q=${A_MARK}`, bearer(member))).total, 2);
    assert.equal((await ok<{ total: number }>('GET', `/api/questions?q=${A_MARK}`, bearer(member, await personalOf(member)))).total, 0);
  });

  it('sees the guide in /api/roles and its page lists its questions', async () => {
    const roles = await ok<{ items: { id: string; source: string; questionCount: number }[] }>('GET', '/api/roles', bearer(member, orgA));
    assert.deepEqual(roles.items.filter((r) => r.source === 'organization').map((r) => [r.id, r.questionCount]), [[`org-${GUIDE}`, 2]]);
    const guide = await ok<{ source: string; stages: { id: string; questions: { id: string }[] }[] }>('GET', `/api/roles/org-${GUIDE}`, bearer(member, orgA));
    assert.equal(guide.source, 'organization');
    assert.deepEqual(guide.stages.flatMap((s) => s.questions.map((x) => x.id)).sort(), [...A_IDS].sort());
  });

  it('practises them: score, a scored attempt, a session on the guide, a saved question, progress', async () => {
    const h = bearer(member, orgA);
    const score = await ok<{ score: number }>('POST', '/api/score', h, { questionId: `org/${LIMITER}`, answer: ANSWER });
    assert.ok(score.score >= 40, String(score.score));
    const attempt = await ok<{ id: string; questionId: string; questionTitle: string; score: number }>('POST', '/api/attempts', { ...h, 'idempotency-key': randomUUID() }, { questionId: `org/${LIMITER}`, answer: ANSWER }, 201);
    assert.deepEqual([attempt.questionId, attempt.questionTitle, attempt.score], [`org/${LIMITER}`, `Design the ${A_MARK} rate limiter`, score.score]);
    const session = await ok<{ id: string; items: { questionId: string }[] }>('POST', '/api/sessions', h, { role: `org-${GUIDE}`, mode: 'practice', count: 5 }, 201);
    assert.deepEqual(session.items.map((i) => i.questionId).sort(), [...A_IDS].sort());
    const saved = await ok<{ title: string }>('PUT', `/api/saved/${encodeURIComponent(`org/${INCIDENT}`)}`, h, { note: 'practise' });
    assert.equal(saved.title, `Tell us about an ${A_MARK} incident you mitigated`);
    const progress = await ok<{ role: string; attempts: number; recent: { questionId: string }[] }>('GET', `/api/progress?role=org-${GUIDE}`, h);
    assert.deepEqual([progress.role, progress.attempts, progress.recent[0]?.questionId], [`org-${GUIDE}`, 1, `org/${LIMITER}`]);
    const due = await ok<{ items: { questionId: string }[]; upcoming: { questionId: string }[] }>('GET', '/api/reviews/due', h);
    assert.ok([...due.items, ...due.upcoming].some((r) => r.questionId === `org/${LIMITER}`));
    // The owner reads the member's attempt at the organization's question by naming them.
    const theirs = await ok<{ items: { id: string; questionTitle: string }[] }>('GET', `/api/attempts?userId=${member.id}`, bearer(owner, orgA));
    assert.deepEqual(theirs.items.map((i) => [i.id, i.questionTitle]), [[attempt.id, `Design the ${A_MARK} rate limiter`]]);
  });

  it('lists the organization’s content, but every editor endpoint is a 403, and nothing changes', async () => {
    const h = bearer(member, orgA);
    assert.deepEqual((await ok<{ items: { id: string }[] }>('GET', '/api/org/questions', h)).items.map((i) => i.id).sort(), [...A_IDS].sort());
    assert.deepEqual((await ok<{ items: { id: string }[] }>('GET', '/api/org/roles', h)).items.map((i) => i.id), [`org-${GUIDE}`]);
    const limiterJson = questionJson(LIMITER_MD, 'questions/backend/rate-limiter-design.md', LIMITER, { title: 'Hijacked by a member of the team', roles: ['backend'] });
    const newJson = { ...limiterJson, slug: 'member-made' };
    const refused: [Method, string, unknown][] = [
      ['GET', `/api/org/questions/${LIMITER}`, undefined],
      ['GET', '/api/org/questions/no-such-slug', undefined],
      ['POST', '/api/org/questions', newJson],
      ['POST', '/api/org/questions/markdown', { markdown: orgMarkdown(LIMITER_MD, 'member-made') }],
      ['PUT', `/api/org/questions/${LIMITER}`, limiterJson],
      ['PUT', `/api/org/questions/${LIMITER}/markdown`, { markdown: orgMarkdown(LIMITER_MD, LIMITER) }],
      ['DELETE', `/api/org/questions/${LIMITER}`, undefined],
      ['DELETE', `/api/org/questions/${INCIDENT}`, undefined],
      ['GET', `/api/org/roles/${GUIDE}`, undefined],
      ['POST', '/api/org/roles/markdown', { markdown: orgMarkdown(BACKEND_MD, 'member-guide') }],
      ['PUT', `/api/org/roles/${GUIDE}/markdown`, { markdown: orgMarkdown(BACKEND_MD, GUIDE) }],
      ['DELETE', `/api/org/roles/${GUIDE}`, undefined],
    ];
    for (const headers of [h, browser(member, orgA)]) {
      for (const [method, url, payload] of refused) {
        const res = await call(method, url, headers, payload);
        assert.equal(res.statusCode, 403, `${method} ${url}: ${res.body.slice(0, 300)}`);
        assert.equal(res.json<{ error: { code: string } }>().error.code, 'FORBIDDEN');
        assert.ok(!res.body.includes(A_MARK), `${method} ${url}: a refusal carries no content`);
      }
    }
    const still = await ok<{ title: string }>('GET', q(`org/${LIMITER}`), h);
    assert.equal(still.title, `Design the ${A_MARK} rate limiter`);
    assert.equal((await call('GET', q('org/member-made'), h)).statusCode, 404);
    assert.equal((await ok<{ items: unknown[] }>('GET', '/api/org/roles', h)).items.length, 1);
  });
});

describe('organization B never sees A’s content', () => {
  const bUsers = (): [string, Headers][] => [
    ['B owner (token)', bearer(bOwner, orgB)],
    ['B owner (cookie)', browser(bOwner, orgB)],
    ['B member (token)', bearer(bMember, orgB)],
    ['B owner, personal workspace', bearer(bOwner, bPersonal)],
    ['B owner, active organization (none named)', bearer(bOwner)],
  ];

  it('in no list: questions (every page), search, facets, role guides, the editor’s lists', async () => {
    for (const [who, h] of bUsers()) {
      const all = await allQuestions(h);
      assert.ok(!all.some((x) => x.id.startsWith('org/')), `${who}: ${all.filter((x) => x.id.startsWith('org/')).map((x) => x.id).join(', ')}`);
      for (const url of [
        `/api/questions?q=${A_MARK}`,
        '/api/questions?q=limiter&limit=200',
        `/api/questions?role=org-${GUIDE}`,
        '/api/questions/facets',
        `/api/questions/facets?role=org-${GUIDE}`,
        '/api/roles',
        '/api/roles/backend',
        '/api/org/questions',
        '/api/org/roles',
        '/api/attempts',
        '/api/saved',
      ]) {
        const res = await call('GET', url, h);
        assert.equal(res.statusCode, 200, `${who}: ${url}: ${res.body.slice(0, 300)}`);
        for (const secret of [A_MARK, LIMITER, INCIDENT, GUIDE]) assert.ok(!res.body.includes(secret), `${who}: ${url} carries "${secret}"`);
      }
    }
  });

  /**
   * `url`/`payload` built with A's id, and with an id that never existed: the same status (404) and the same body
   * once each id is masked.
   */
  async function same404(who: string, method: Method, build: (id: string) => { url: string; payload?: unknown }, h: Headers, foreign: string, missing: string): Promise<void> {
    const a = build(foreign);
    const m = build(missing);
    const key = randomUUID();
    const headers = method === 'POST' && a.url === '/api/attempts' ? { ...h, 'idempotency-key': key } : h;
    const ra = await call(method, a.url, headers, a.payload);
    const rm = await call(method, m.url, method === 'POST' && m.url === '/api/attempts' ? { ...h, 'idempotency-key': randomUUID() } : h, m.payload);
    assert.equal(ra.statusCode, 404, `${who}: ${method} ${a.url} with A's id: ${ra.body.slice(0, 300)}`);
    assert.equal(rm.statusCode, 404, `${who}: ${method} ${m.url} with a missing id: ${rm.body.slice(0, 300)}`);
    const mask = (body: string, id: string): string => body.split(JSON.stringify(id).slice(1, -1)).join('<id>');
    assert.equal(mask(ra.body, foreign), mask(rm.body, missing), `${who}: ${method} ${a.url}: A's id answers differently from a missing one`);
    for (const secret of [A_MARK]) assert.ok(!ra.body.includes(secret));
  }

  it('A’s ids answer B exactly the 404 of an id that never existed', async () => {
    const questionRoutes: [Method, (id: string) => { url: string; payload?: unknown }][] = [
      ['GET', (id) => ({ url: q(id) })],
      ['GET', (id) => ({ url: `/api/questions/${id}` })],
      ['GET', (id) => ({ url: `${q(id)}/model-answer` })],
      ['POST', (id) => ({ url: '/api/score', payload: { questionId: id, answer: ANSWER } })],
      ['POST', (id) => ({ url: '/api/attempts', payload: { questionId: id, answer: ANSWER } })],
      ['PUT', (id) => ({ url: `/api/saved/${encodeURIComponent(id)}`, payload: { note: 'mine now' } })],
      ['DELETE', (id) => ({ url: `/api/saved/${encodeURIComponent(id)}` })],
    ];
    const guideRoutes: [Method, (id: string) => { url: string; payload?: unknown }][] = [
      ['GET', (id) => ({ url: `/api/roles/${id}` })],
      ['POST', (id) => ({ url: '/api/sessions', payload: { role: id, mode: 'practice' } })],
      ['POST', (id) => ({ url: '/api/sessions', payload: { role: id, mode: 'mock' } })],
      ['GET', (id) => ({ url: `/api/progress?role=${id}` })],
    ];
    const slugRoutes: [Method, (slug: string) => { url: string; payload?: unknown }][] = [
      ['GET', (s) => ({ url: `/api/org/questions/${s}` })],
      ['PUT', (s) => ({ url: `/api/org/questions/${s}/markdown`, payload: { markdown: orgMarkdown(LIMITER_MD, s) } })],
      ['DELETE', (s) => ({ url: `/api/org/questions/${s}` })],
    ];
    const guideSlugRoutes: [Method, (slug: string) => { url: string; payload?: unknown }][] = [
      ['GET', (s) => ({ url: `/api/org/roles/${s}` })],
      ['PUT', (s) => ({ url: `/api/org/roles/${s}/markdown`, payload: { markdown: orgMarkdown(BACKEND_MD, s) } })],
      ['DELETE', (s) => ({ url: `/api/org/roles/${s}` })],
    ];
    for (const [who, h] of bUsers()) {
      for (const id of A_IDS) for (const [method, build] of questionRoutes) await same404(who, method, build, h, id, `org/never-${id.slice(4)}`);
      for (const [method, build] of guideRoutes) await same404(who, method, build, h, `org-${GUIDE}`, `org-never-${GUIDE}`);
      if (who.startsWith('B member')) continue; // a member is refused the editor's endpoints before any lookup (403)
      for (const [method, build] of slugRoutes) await same404(who, method, build, h, LIMITER, `never-${LIMITER}`);
      for (const [method, build] of guideSlugRoutes) await same404(who, method, build, h, GUIDE, `never-${GUIDE}`);
    }
    // A's content is untouched by all of that.
    assert.equal((await ok<{ title: string }>('GET', q(`org/${LIMITER}`), bearer(member, orgA))).title, `Design the ${A_MARK} rate limiter`);
    assert.equal((await ok<{ items: unknown[] }>('GET', '/api/org/questions', bearer(owner, orgA))).items.length, 2);
  });

  it('B cannot learn that A’s guide exists by referring to it: the same 400 as a guide that never existed', async () => {
    const h = bearer(bOwner, orgB);
    const body = (role: string): Record<string, unknown> =>
      questionJson(LIMITER_MD, 'questions/backend/rate-limiter-design.md', 'probe', { title: `${B_MARK} probe question`, roles: [role] });
    const viaA = await call('POST', '/api/org/questions', h, body(`org-${GUIDE}`));
    const viaNone = await call('POST', '/api/org/questions', h, body(`org-never-${GUIDE}`));
    assert.equal(viaA.statusCode, 400, viaA.body);
    assert.match(viaA.body, /roles/);
    assert.equal(viaA.body.split(`org-${GUIDE}`).join('<id>'), viaNone.body.split(`org-never-${GUIDE}`).join('<id>'));
    const guide = (related: string): string =>
      orgMarkdown(BACKEND_MD, 'globex-probe', [[/relatedRoles:\n(?: {2}- [\s\S]*?)(?=\n[a-z]|\n---)/, `relatedRoles:\n  - id: ${related}\n    why: Probing whether another organization has this guide.`]]);
    const relA = await call('POST', '/api/org/roles/markdown', h, { markdown: guide(`org-${GUIDE}`) });
    const relNone = await call('POST', '/api/org/roles/markdown', h, { markdown: guide(`org-never-${GUIDE}`) });
    assert.equal(relA.statusCode, 400, relA.body);
    assert.match(relA.body, /relatedRoles/);
    assert.equal(relA.body.split(`org-${GUIDE}`).join('<id>'), relNone.body.split(`org-never-${GUIDE}`).join('<id>'));
    // The owners' overview of their members on A's guide: the 404 of a guide that never existed.
    const overA = await call('GET', `/api/members/progress?role=org-${GUIDE}`, h);
    const overNone = await call('GET', `/api/members/progress?role=org-never-${GUIDE}`, h);
    assert.equal(overA.statusCode, 404, overA.body);
    assert.equal(overA.body.split(`org-${GUIDE}`).join('<id>'), overNone.body.split(`org-never-${GUIDE}`).join('<id>'));
    assert.equal((await ok<{ role: string }>('GET', `/api/members/progress?role=org-${GUIDE}`, bearer(owner, orgA))).role, `org-${GUIDE}`);
  });

  it('a B member’s refusal on the editor’s endpoints is the same for A’s slug and a missing one', async () => {
    const pairs: [string, string][] = [[`/api/org/questions/${LIMITER}`, '/api/org/questions/never-there'], [`/api/org/roles/${GUIDE}`, '/api/org/roles/never-there']];
    for (const [url, missing] of pairs) {
      const a = await call('GET', url, bearer(bMember, orgB));
      const m = await call('GET', missing, bearer(bMember, orgB));
      assert.deepEqual([a.statusCode, a.body], [m.statusCode, m.body]);
      assert.equal(a.statusCode, 403);
    }
  });

  it('naming A in x-organization-id does not help B: the 404 of an organization that does not exist', async () => {
    for (const h of [bearer(bOwner, orgA), browser(bMember, orgA)]) {
      for (const url of ['/api/questions', q(`org/${LIMITER}`), '/api/roles', '/api/org/questions']) {
        const random = randomUUID();
        const a = await call('GET', url, h);
        const m = await call('GET', url, { ...h, 'x-organization-id': random });
        assert.equal(a.statusCode, 404, `${url}: ${a.body.slice(0, 200)}`);
        assert.equal(a.body.split(orgA).join('<org>'), m.body.split(random).join('<org>'));
        assert.ok(!a.body.includes(A_MARK));
      }
    }
  });
});

describe('the same slug in A and in B', () => {
  it('lives independently, with its own content, in each', async () => {
    const inA = await ok<{ id: string }>('POST', '/api/org/questions/markdown', bearer(owner, orgA), {
      markdown: orgMarkdown(LIMITER_MD, SHARED, [[/^title: .*$/m, `title: ${A_MARK} shared-slug question`]]),
    }, 201);
    // B's owner uses the same slug: no conflict (B cannot learn that A has it).
    const inB = await ok<{ id: string }>('POST', '/api/org/questions', bearer(bOwner, orgB), questionJson(LIMITER_MD, 'questions/backend/rate-limiter-design.md', SHARED, { title: `${B_MARK} shared-slug question`, difficulty: 'hard' }), 201);
    assert.equal(inA.id, inB.id);
    const a = await ok<{ title: string; difficulty: string }>('GET', q(`org/${SHARED}`), bearer(member, orgA));
    const b = await ok<{ title: string; difficulty: string }>('GET', q(`org/${SHARED}`), bearer(bMember, orgB));
    assert.deepEqual([a.title, a.difficulty], [`${A_MARK} shared-slug question`, 'medium']);
    assert.deepEqual([b.title, b.difficulty], [`${B_MARK} shared-slug question`, 'hard']);
    // Each sees only its own in search, and attempts score against its own.
    const searchB = await ok<{ items: { id: string; title: string }[] }>('GET', '/api/questions?q=shared', bearer(bMember, orgB));
    assert.deepEqual(searchB.items.filter((i) => i.id.startsWith('org/')).map((i) => i.title), [`${B_MARK} shared-slug question`]);
    const attemptB = await ok<{ questionTitle: string }>('POST', '/api/attempts', { ...bearer(bMember, orgB), 'idempotency-key': randomUUID() }, { questionId: `org/${SHARED}`, answer: ANSWER }, 201);
    assert.equal(attemptB.questionTitle, `${B_MARK} shared-slug question`);
    // Replacing and deleting in A leaves B's.
    const recA = await ok<{ question: Record<string, unknown> & { id: string } }>('GET', `/api/org/questions/${SHARED}`, bearer(coach, orgA));
    const { id: _id, ...fields } = recA.question;
    await ok('PUT', `/api/org/questions/${SHARED}`, bearer(coach, orgA), { ...fields, slug: SHARED, title: `${A_MARK} shared-slug question, revised` });
    assert.equal((await ok<{ title: string }>('GET', q(`org/${SHARED}`), bearer(bOwner, orgB))).title, `${B_MARK} shared-slug question`);
    await ok('DELETE', `/api/org/questions/${SHARED}`, bearer(owner, orgA), undefined, 204);
    assert.equal((await call('GET', q(`org/${SHARED}`), bearer(member, orgA))).statusCode, 404);
    assert.equal((await ok<{ title: string }>('GET', q(`org/${SHARED}`), bearer(bMember, orgB))).title, `${B_MARK} shared-slug question`);
    assert.deepEqual((await ok<{ items: { id: string }[] }>('GET', '/api/org/questions', bearer(bOwner, orgB))).items.map((i) => i.id), [`org/${SHARED}`]);
    // And A never sees B's.
    for (const url of ['/api/questions?limit=200', `/api/questions?q=${B_MARK}`, '/api/questions/facets', '/api/roles']) {
      const res = await call('GET', url, bearer(member, orgA));
      assert.ok(!res.body.includes(B_MARK), `${url} carries B's content`);
    }
  });
});

describe('signed out, forged and expired credentials', () => {
  it('a signed-out request sees the shipped content only; A’s ids are the 404 of a missing id', async () => {
    const shippedTotal = (await ok<{ total: number }>('GET', '/api/questions?limit=1', {})).total;
    const signedOut: Headers[] = [{}, { cookie: 'loopcoach.session_token=not-a-session' }, { cookie: 'theme=dark' }, { 'x-organization-id': orgA }];
    for (const h of signedOut) {
      const all = await allQuestions(h);
      assert.equal(all.length, shippedTotal);
      assert.ok(all.every((x) => x.source === 'shipped'));
      for (const url of [`/api/questions?q=${A_MARK}`, '/api/questions/facets', '/api/roles', '/api/roles/backend']) {
        const res = await call('GET', url, h);
        assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 200)}`);
        for (const secret of [A_MARK, B_MARK, LIMITER, INCIDENT, GUIDE, '"id":"org/', '"id":"org-', '"source":"organization"']) {
          assert.ok(!res.body.includes(secret), `${url} signed out carries ${secret}`);
        }
      }
      for (const id of A_IDS) {
        for (const [method, url, payload] of [
          ['GET', (x: string) => q(x), undefined],
          ['GET', (x: string) => `${q(x)}/model-answer`, undefined],
          ['POST', () => '/api/score', (x: string) => ({ questionId: x, answer: ANSWER })],
        ] as const) {
          const missing = `org/never-${id.slice(4)}`;
          const a = await call(method, url(id), h, payload?.(id));
          const m = await call(method, url(missing), h, payload?.(missing));
          assert.equal(a.statusCode, 404, a.body);
          assert.equal(a.body.split(id).join('<id>'), m.body.split(missing).join('<id>'));
        }
      }
      const guide = await call('GET', `/api/roles/org-${GUIDE}`, h);
      const never = await call('GET', `/api/roles/org-never-${GUIDE}`, h);
      assert.equal(guide.statusCode, 404);
      assert.equal(guide.body.split(`org-${GUIDE}`).join('<id>'), never.body.split(`org-never-${GUIDE}`).join('<id>'));
    }
    // The organization's own endpoints, and practice, need a session.
    for (const url of ['/api/org/questions', '/api/org/roles', `/api/org/questions/${LIMITER}`]) assert.equal((await call('GET', url)).statusCode, 401, url);
    assert.equal((await call('POST', '/api/org/questions/markdown', { origin: BASE }, { markdown: orgMarkdown(LIMITER_MD, 'anonymous') })).statusCode, 401);
  });

  it('another Authorization scheme (a proxy\'s basic auth) counts as signed out on the public routes, and is a 401 where a session is needed', async () => {
    const headers = { authorization: 'Basic bWlhOnB3', 'x-organization-id': orgA };
    const list = await call('GET', `/api/questions?q=${A_MARK}`, headers);
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes(A_MARK));
    assert.equal((await call('GET', '/api/roles', headers)).statusCode, 200);
    assert.equal((await call('GET', q(`org/${LIMITER}`), headers)).statusCode, 404);
    assert.equal((await call('GET', '/api/org/questions', headers)).statusCode, 401);
    assert.equal((await call('GET', '/api/plans', headers)).statusCode, 401);
  });

  it('a forged bearer token is a 401 on the public routes too; an unknown cookie is signed out', async () => {
    const [token = '', signature = ''] = decodeURIComponent(member.token).split('.');
    const forged = [`Bearer ${member.token}x`, `Bearer ${'a'.repeat(32)}`, `Bearer ${token}.${signature.slice(0, -2)}AA`, `Bearer ' or 1=1 --`, 'Bearer '];
    for (const authorization of forged) {
      for (const [method, url, payload] of [
        ['GET', '/api/questions', undefined],
        ['GET', `/api/questions?q=${A_MARK}`, undefined],
        ['GET', '/api/questions/facets', undefined],
        ['GET', q(`org/${LIMITER}`), undefined],
        ['GET', `${q(`org/${LIMITER}`)}/model-answer`, undefined],
        ['GET', '/api/roles', undefined],
        ['GET', `/api/roles/org-${GUIDE}`, undefined],
        ['POST', '/api/score', { questionId: `org/${LIMITER}`, answer: ANSWER }],
        ['GET', '/api/org/questions', undefined],
        ['POST', '/api/org/questions/markdown', { markdown: orgMarkdown(LIMITER_MD, 'forged') }],
      ] as const) {
        const res = await call(method, url, { authorization, 'x-organization-id': orgA }, payload);
        assert.equal(res.statusCode, 401, `${authorization}: ${method} ${url}: ${res.body.slice(0, 200)}`);
        assert.ok(!res.body.includes(A_MARK));
      }
    }
  });

  it('an expired session: its bearer token is a 401, its cookie is signed out (shipped content only)', async () => {
    const late = await signUp('Lena Late', 'late@acme.example');
    await join(late, owner, orgA, 'member');
    assert.equal((await ok<{ total: number }>('GET', `/api/questions?q=${A_MARK}`, bearer(late, orgA))).total, 2);
    await sql(`update auth_sessions set expires_at = now() - interval '1 minute' where user_id = $1`, [late.id]);
    for (const url of [`/api/questions?q=${A_MARK}`, q(`org/${LIMITER}`), '/api/roles', '/api/org/questions']) {
      const res = await call('GET', url, bearer(late, orgA));
      assert.equal(res.statusCode, 401, `${url}: ${res.body.slice(0, 200)}`);
    }
    assert.equal((await call('POST', '/api/score', bearer(late, orgA), { questionId: `org/${LIMITER}`, answer: ANSWER })).statusCode, 401);
    const signedOut = await ok<{ total: number }>('GET', `/api/questions?q=${A_MARK}`, browser(late, orgA));
    assert.equal(signedOut.total, 0);
    assert.equal((await call('GET', q(`org/${LIMITER}`), browser(late, orgA))).statusCode, 404);
    assert.equal((await call('GET', '/api/org/questions', browser(late, orgA))).statusCode, 401);
  });
});
