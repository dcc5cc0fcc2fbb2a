/**
 * Accounts and organizations in server mode, on a real PostgreSQL server (the harness starts one), migrated as the
 * owner and served as a login role that can only assume the app role — as in production.
 *
 * The proof for issue #5: expired or forged sessions, wrong organization ids, other tenants' ids and SQL
 * metacharacters in every field answer 401, 403 or 404 (or 400 for a malformed value) with no data, never a 500.
 * Inside an organization, each user's data is their own: members see only theirs; owners and coaches read a
 * member's by naming them (?userId=), never change it.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createApp, type App } from '../../src/app.js';
import { runMigrate } from '../../src/cli/migrate.js';
import { buildServer } from '../../src/http/server.js';
import type { Api } from '../../src/http/types.js';
import { resolveConfig } from '../../src/infra/config.js';
import { startTestPostgres, type TestPostgres } from '../support/postgres-server.js';

const BASE = 'http://localhost:3000';
const SECRET = 'accounts-test-secret-that-is-long-enough-to-sign';
const POSTING = 'Senior Backend Engineer\n\nWe build payment APIs in Go and PostgreSQL on AWS. You will design services, write tests and review code.';
const METACHARS = [`' or 1=1 --`, `"; drop table plans; --`, `'); delete from memberships; --`, `%' union select * from auth_users --`];

let pgServer: TestPostgres | undefined;
let superUrl = '';
let serverUrl = '';
let app: App;
let api: Api;

const as = (url: string, user: string, password = 'pw'): string => {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
};
async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: superUrl });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}
const serverApp = (env: Record<string, string> = {}): Promise<App> =>
  createApp(resolveConfig({ mode: 'server' }, { DATABASE_URL: serverUrl, BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: BASE, LOOPCOACH_AUTH_RATE_LIMIT: 'off', ...env }));

interface User {
  id: string;
  email: string;
  cookie: string;
  token: string;
}
type Headers = Record<string, string>;

/** A browser's request: the session cookie, and the page's own origin on writes. */
const browser = (u: User): Headers => ({ cookie: u.cookie, origin: BASE });
/** A script's request: the API token. */
const script = (u: User): Headers => ({ authorization: `Bearer ${u.token}` });

async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: Headers = {}, payload?: unknown) {
  const res = await api.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  assert.ok(res.statusCode < 500, `${method} ${url} answered ${String(res.statusCode)}: ${res.body}`);
  return res;
}
const sessionCookie = (setCookie: string | string[] | undefined): string => {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('loopcoach.session_token='));
  assert.ok(found, `no session cookie in ${JSON.stringify(all)}`);
  return found;
};
const randomKey = (): string => randomUUID();
const errorCode = (body: string): string => (JSON.parse(body) as { error: { code: string } }).error.code;

async function signUp(name: string, email: string): Promise<User> {
  const res = await call('POST', '/api/auth/sign-up/email', { origin: BASE }, { name, email, password: 'correct horse battery' });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json<{ user: { id: string; email: string } }>();
  const token = res.headers['set-auth-token'];
  assert.equal(typeof token, 'string');
  return { id: body.user.id, email: body.user.email, cookie: sessionCookie(res.headers['set-cookie']), token: token as string };
}
async function signIn(email: string): Promise<User> {
  const res = await call('POST', '/api/auth/sign-in/email', { origin: BASE }, { email, password: 'correct horse battery' });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json<{ user: { id: string; email: string } }>();
  return { id: body.user.id, email: body.user.email, cookie: sessionCookie(res.headers['set-cookie']), token: res.headers['set-auth-token'] as string };
}
interface MeBody {
  user: { id: string; email: string; name: string } | null;
  organizations: { id: string; name: string; kind: string; role: string }[];
  activeOrganizationId: string;
}
async function me(headers: Headers): Promise<MeBody> {
  const res = await call('GET', '/api/me', headers);
  assert.equal(res.statusCode, 200, res.body);
  return res.json<MeBody>();
}
async function createPlan(headers: Headers, text = POSTING): Promise<string> {
  const res = await call('POST', '/api/plans', headers, { text });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ id: string }>().id;
}
async function createOrganization(owner: User, name: string): Promise<string> {
  const res = await call('POST', '/api/auth/organization/create', browser(owner), { name, slug: 'acme' });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<{ id: string }>().id;
}
async function invite(inviter: User, organizationId: string, email: string, role: string) {
  return call('POST', '/api/auth/organization/invite-member', browser(inviter), { organizationId, email, role });
}
async function join(user: User, inviter: User, organizationId: string, role: string): Promise<void> {
  const inv = await invite(inviter, organizationId, user.email, role);
  assert.equal(inv.statusCode, 200, inv.body);
  const accepted = await call('POST', '/api/auth/organization/accept-invitation', browser(user), { invitationId: inv.json<{ id: string }>().id });
  assert.equal(accepted.statusCode, 200, accepted.body);
}

let alice: User; // owner of Acme
let bob: User; // member of Acme, invited by alice
let carol: User; // coach of Acme
let mallory: User; // in no organization but her own
let acme = '';

before(async () => {
  pgServer = await startTestPostgres();
  superUrl = await pgServer.createDatabase(`accounts_${String(process.pid)}`);
  const db = new URL(superUrl).pathname.slice(1);
  const c = new pg.Client({ connectionString: superUrl });
  await c.connect();
  for (const s of [
    `create role lc_owner login createrole password 'pw'`,
    `alter database "${db}" owner to lc_owner`,
    'alter schema public owner to lc_owner',
    `create role lc_server login nosuperuser nobypassrls password 'pw'`,
  ]) await c.query(s);
  await c.end();
  await runMigrate({ kind: 'postgres', url: as(superUrl, 'lc_owner') });
  await sql('grant loopcoach_app to lc_server');
  serverUrl = as(superUrl, 'lc_server');
  app = await serverApp();
  api = await buildServer(app);
  await api.ready();

  alice = await signUp('Alice', 'alice@example.com');
  bob = await signUp('Bob', 'bob@example.com');
  carol = await signUp('Carol', 'carol@example.com');
  mallory = await signUp('Mallory', 'mallory@example.com');
  acme = await createOrganization(alice, 'Acme Coaching');
  await join(bob, alice, acme, 'member');
  await join(carol, alice, acme, 'coach');
});
after(async () => {
  await api.close().catch(() => undefined);
  await app.close().catch(() => undefined);
  await pgServer?.stop();
});

describe('accounts: sign-up and organizations', () => {
  it('sign-up gives each user a personal organization, owned by them, whose id is a personal tenant', async () => {
    const m = await me(browser(mallory));
    assert.equal(m.user?.email, 'mallory@example.com');
    assert.deepEqual(m.organizations.map((o) => [o.kind, o.role]), [['personal', 'owner']]);
    const personal = m.organizations[0]?.id ?? '';
    assert.equal(m.activeOrganizationId, personal);
    const tenants = await sql<{ kind: string }>('select kind from tenants where id = $1', [personal]);
    assert.deepEqual(tenants, [{ kind: 'personal' }]);
    // The password is stored as better-auth's hash, never as given.
    const creds = await sql<{ password: string }>(`select a.password from auth_accounts a join auth_users u on u.id = a.user_id where u.email = 'mallory@example.com'`);
    assert.equal(creds.length, 1);
    assert.ok(creds[0] && !creds[0].password.includes('correct horse'));
  });

  it('an organization is a tenant with the same id, its slug is its id, and its creator is its owner', async () => {
    const [row] = await sql<{ kind: string; slug: string }>('select t.kind, o.slug from organizations o join tenants t on t.id = o.id where o.id = $1', [acme]);
    assert.deepEqual(row, { kind: 'organization', slug: acme });
    const a = await me(browser(alice));
    assert.deepEqual(a.organizations.find((o) => o.id === acme), { id: acme, name: 'Acme Coaching', kind: 'organization', role: 'owner' });
  });

  it('an invited user who accepts is a member with the role they were invited with', async () => {
    const b = await me(browser(bob));
    assert.deepEqual(b.organizations.map((o) => [o.kind, o.role]), [['personal', 'owner'], ['organization', 'member']]);
    const c = await me(browser(carol));
    assert.equal(c.organizations.find((o) => o.id === acme)?.role, 'coach');
  });

  it('a member’s data in the organization is theirs (its owner reads it by naming them); their personal data stays personal', async () => {
    const inAcme = { ...browser(bob), 'x-organization-id': acme };
    const bobsInAcme = await createPlan(inAcme);
    const aliceInAcme = { ...browser(alice), 'x-organization-id': acme };
    assert.equal((await call('GET', `/api/plans/${bobsInAcme}`, aliceInAcme)).statusCode, 404, 'not among the owner’s own plans');
    assert.equal((await call('GET', `/api/plans/${bobsInAcme}?userId=${bob.id}`, aliceInAcme)).statusCode, 200);
    const bobsOwn = await createPlan({ ...browser(bob), 'x-organization-id': (await me(browser(bob))).organizations[0]?.id ?? '' });
    assert.equal((await call('GET', `/api/plans/${bobsOwn}?userId=${bob.id}`, aliceInAcme)).statusCode, 404);
    const bobsList = (await call('GET', `/api/plans?userId=${bob.id}`, aliceInAcme)).json<{ items: { id: string }[] }>();
    assert.ok(bobsList.items.some((p) => p.id === bobsInAcme));
    assert.ok(!bobsList.items.some((p) => p.id === bobsOwn));
  });
});

describe('accounts: roles', () => {
  it('a member cannot invite', async () => {
    const res = await invite(bob, acme, 'someone@example.com', 'member');
    assert.equal(res.statusCode, 403, res.body);
  });

  it('a coach invites members, and only members', async () => {
    const ok = await invite(carol, acme, 'candidate@example.com', 'member');
    assert.equal(ok.statusCode, 200, ok.body);
    for (const role of ['coach', 'owner']) {
      const res = await invite(carol, acme, `${role}-x@example.com`, role);
      assert.equal(res.statusCode, 403, `${role}: ${res.body}`);
    }
  });

  it('a coach cannot remove members or cancel invitations; an owner can', async () => {
    const inv = await invite(alice, acme, 'temp@example.com', 'member');
    const invitationId = inv.json<{ id: string }>().id;
    assert.equal((await call('POST', '/api/auth/organization/cancel-invitation', browser(carol), { invitationId })).statusCode, 403);
    assert.equal((await call('POST', '/api/auth/organization/remove-member', browser(carol), { organizationId: acme, memberIdOrEmail: bob.email })).statusCode, 403);
    assert.equal((await call('POST', '/api/auth/organization/cancel-invitation', browser(alice), { invitationId })).statusCode, 200);
  });

  it('nobody can be invited into a personal organization', async () => {
    const personal = (await me(browser(alice))).organizations.find((o) => o.kind === 'personal')?.id ?? '';
    const res = await invite(alice, personal, 'friend@example.com', 'member');
    assert.equal(res.statusCode, 403, res.body);
  });

  it('an invitation is accepted only by the user it was sent to', async () => {
    const inv = await invite(alice, acme, 'dave@example.com', 'member');
    const invitationId = inv.json<{ id: string }>().id;
    const res = await call('POST', '/api/auth/organization/accept-invitation', browser(mallory), { invitationId });
    assert.equal(res.statusCode, 403, res.body);
    assert.ok(!(await me(browser(mallory))).organizations.some((o) => o.id === acme));
  });
});

describe('accounts: isolation between tenants', () => {
  it('another tenant’s plans and attempts are 404, alone or through x-organization-id', async () => {
    const plan = await createPlan({ ...browser(alice), 'x-organization-id': acme });
    const attempt = await call('POST', '/api/attempts', { ...browser(alice), 'x-organization-id': acme, 'idempotency-key': 'k-1' }, {
      questionId: 'backend/api-versioning-evolution',
      answer: 'I would version the API in the URL and keep old versions running while clients migrate.',
    });
    assert.equal(attempt.statusCode, 201, attempt.body);
    const attemptId = attempt.json<{ id: string }>().id;

    for (const headers of [browser(mallory), script(mallory)]) {
      assert.equal((await call('GET', `/api/plans/${plan}`, headers)).statusCode, 404);
      assert.equal((await call('GET', `/api/attempts/${attemptId}`, headers)).statusCode, 404);
      assert.equal((await call('DELETE', `/api/plans/${plan}`, headers)).statusCode, 404);
      assert.deepEqual((await call('GET', '/api/plans', headers)).json<{ items: unknown[] }>().items, []);
      assert.deepEqual((await call('GET', '/api/attempts', headers)).json<{ items: unknown[] }>().items, []);
    }
    // Naming Acme does not let an outsider in: the same 404 as an organization that does not exist.
    const intoAcme = await call('GET', '/api/plans', { ...browser(mallory), 'x-organization-id': acme });
    const nowhere = await call('GET', '/api/plans', { ...browser(mallory), 'x-organization-id': '00000000-0000-4000-8000-000000000000' });
    assert.equal(intoAcme.statusCode, 404);
    assert.equal(nowhere.statusCode, 404);
    assert.equal(intoAcme.body.replace(acme, 'X'), nowhere.body.replace('00000000-0000-4000-8000-000000000000', 'X'));
    const alicePersonal = (await me(browser(alice))).organizations.find((o) => o.kind === 'personal')?.id ?? '';
    assert.equal((await call('POST', '/api/plans', { ...browser(mallory), 'x-organization-id': alicePersonal }, { text: POSTING })).statusCode, 404);
    // The plan is still there, untouched, for its organization.
    assert.equal((await call('GET', `/api/plans/${plan}`, { ...browser(alice), 'x-organization-id': acme })).statusCode, 200);
  });

  it('better-auth’s organization endpoints give an outsider nothing about another organization', async () => {
    const full = await call('GET', `/api/auth/organization/get-full-organization?organizationId=${acme}`, browser(mallory));
    assert.ok([400, 403, 404].includes(full.statusCode), full.body);
    assert.ok(!full.body.includes('Acme'));
    const members = await call('GET', `/api/auth/organization/list-members?organizationId=${acme}`, browser(mallory));
    assert.ok([400, 403, 404].includes(members.statusCode), members.body);
    assert.ok(!members.body.includes('alice@example.com'));
    assert.ok([400, 403, 404].includes((await invite(mallory, acme, 'mallory2@example.com', 'member')).statusCode));
    const active = await call('POST', '/api/auth/organization/set-active', browser(mallory), { organizationId: acme });
    assert.ok([400, 403, 404].includes(active.statusCode), active.body);
    assert.equal((await me(browser(mallory))).organizations.length, 1);
  });

  it('the active organization is where requests act when they name none', async () => {
    const user = await signUp('Erin', 'erin@example.com');
    await join(user, alice, acme, 'member');
    // Accepting made Acme active for Erin's session.
    assert.equal((await me(browser(user))).activeOrganizationId, acme);
    const plan = await createPlan(browser(user));
    assert.equal((await call('GET', `/api/plans/${plan}?userId=${user.id}`, { ...browser(alice), 'x-organization-id': acme })).statusCode, 200);
    const personal = (await me(browser(user))).organizations.find((o) => o.kind === 'personal')?.id ?? '';
    assert.equal((await call('POST', '/api/auth/organization/set-active', browser(user), { organizationId: personal })).statusCode, 200);
    assert.equal((await me(browser(user))).activeOrganizationId, personal);
    assert.equal((await call('GET', `/api/plans/${plan}`, browser(user))).statusCode, 404);
  });
});

describe('accounts: leaving', () => {
  it('a removed member loses the organization at once; their requests fall back to their personal one', async () => {
    const gina = await signUp('Gina', 'gina@example.com');
    await join(gina, alice, acme, 'member');
    assert.equal((await me(browser(gina))).activeOrganizationId, acme);
    const removed = await call('POST', '/api/auth/organization/remove-member', browser(alice), { organizationId: acme, memberIdOrEmail: gina.email });
    assert.equal(removed.statusCode, 200, removed.body);
    const left = await me(browser(gina));
    assert.deepEqual(left.organizations.map((o) => o.kind), ['personal']);
    assert.equal(left.activeOrganizationId, left.organizations[0]?.id);
    assert.equal((await call('GET', '/api/plans', { ...browser(gina), 'x-organization-id': acme })).statusCode, 404);
  });
});

describe('accounts: who sees what inside an organization', () => {
  // Northwind: olivia owns it, colin and cora coach, mia and max are members. Southwind: sam owns it, sue is a member.
  let olivia: User, colin: User, cora: User, mia: User, max: User, sam: User, sue: User;
  let northwind = '';
  let southwind = '';
  const inNorthwind = (u: User, kind: 'browser' | 'script' = 'browser'): Headers => ({ ...(kind === 'browser' ? browser(u) : script(u)), 'x-organization-id': northwind });
  const nobody = '00000000-0000-4000-8000-00000000abcd';
  // mia's data in Northwind
  let miaPlan = '';
  let miaAttempt = '';
  let miaSession = '';
  const ANSWER = 'I would version the API in the URL and keep old versions running while clients migrate, with a deprecation window, usage metrics per version and a changelog.';

  async function answer(headers: Headers, key: string, body: Record<string, unknown> = {}) {
    return call('POST', '/api/attempts', { ...headers, 'idempotency-key': key }, { questionId: 'backend/api-versioning-evolution', answer: ANSWER, ...body });
  }
  /** A 404's body with the ids it names masked, to compare two 404s. */
  const masked = (body: string, ...ids: string[]): string => ids.reduce((b, id) => b.split(id).join('<id>'), body);

  before(async () => {
    olivia = await signUp('Olivia', 'olivia@northwind.example');
    colin = await signUp('Colin', 'colin@northwind.example');
    cora = await signUp('Cora', 'cora@northwind.example');
    mia = await signUp('Mia', 'mia@northwind.example');
    max = await signUp('Max', 'max@northwind.example');
    sam = await signUp('Sam', 'sam@southwind.example');
    sue = await signUp('Sue', 'sue@southwind.example');
    northwind = await createOrganization(olivia, 'Northwind');
    await join(colin, olivia, northwind, 'coach');
    await join(cora, olivia, northwind, 'coach');
    await join(mia, olivia, northwind, 'member');
    await join(max, colin, northwind, 'member');
    southwind = await createOrganization(sam, 'Southwind');
    await join(sue, sam, southwind, 'member');

    miaPlan = await createPlan(inNorthwind(mia));
    const a = await answer(inNorthwind(mia), 'shared-key');
    assert.equal(a.statusCode, 201, a.body);
    miaAttempt = a.json<{ id: string }>().id;
    const s = await call('POST', '/api/sessions', inNorthwind(mia), { mode: 'practice', planId: miaPlan, count: 2 });
    assert.equal(s.statusCode, 201, s.body);
    miaSession = s.json<{ id: string }>().id;
    await call('PUT', `/api/saved/${encodeURIComponent('backend/api-versioning-evolution')}`, inNorthwind(mia), { note: 'mia’s note' });
  });

  it('records the acting user on every row it writes', async () => {
    const rows = await sql<{ t: string; user_id: string | null }>(
      `select 'plan' as t, user_id from plans where id = $1
       union all select 'attempt', user_id from attempts where id = $2
       union all select 'session', user_id from practice_sessions where id = $3
       union all select 'card', user_id from review_cards where tenant_id = $4 and question_id = 'backend/api-versioning-evolution'
       union all select 'saved', user_id from saved_questions where tenant_id = $4`,
      [miaPlan, miaAttempt, miaSession, northwind],
    );
    assert.deepEqual(rows.map((r) => [r.t, r.user_id]), [['plan', mia.id], ['attempt', mia.id], ['session', mia.id], ['card', mia.id], ['saved', mia.id]]);
  });

  it('a member sees only their own plans, attempts, sessions, reviews, progress and saved questions', async () => {
    for (const headers of [inNorthwind(max), inNorthwind(max, 'script')]) {
      const empty = { plans: '/api/plans', attempts: '/api/attempts', sessions: '/api/sessions', saved: '/api/saved' };
      for (const [what, url] of Object.entries(empty)) {
        assert.deepEqual((await call('GET', url, headers)).json<{ items: unknown[] }>().items, [], what);
      }
      assert.deepEqual((await call('GET', '/api/reviews/due', headers)).json<{ items: unknown[]; upcoming: unknown[] }>(), { items: [], upcoming: [] });
      assert.equal((await call('GET', '/api/progress', headers)).json<{ attempts: number }>().attempts, 0);
    }
  });

  it('a member asking for another member’s plan, attempt or session gets the same 404 as for one that does not exist', async () => {
    for (const [url, ghost] of [
      [`/api/plans/${miaPlan}`, `/api/plans/${nobody}`],
      [`/api/attempts/${miaAttempt}`, `/api/attempts/${nobody}`],
      [`/api/sessions/${miaSession}`, `/api/sessions/${nobody}`],
      [`/api/mock-loops/${miaSession}/scorecard`, `/api/mock-loops/${nobody}/scorecard`],
    ] as const) {
      const theirs = await call('GET', url, inNorthwind(max));
      const missing = await call('GET', ghost, inNorthwind(max));
      assert.equal(theirs.statusCode, 404, url);
      assert.equal(masked(theirs.body, miaPlan, miaAttempt, miaSession), masked(missing.body, nobody), url);
    }
  });

  it('a member naming another user (?userId=) gets the same 404 as for a user who does not exist', async () => {
    const urls = (userId: string) => [
      `/api/plans?userId=${userId}`,
      `/api/plans/${miaPlan}?userId=${userId}`,
      `/api/attempts?userId=${userId}`,
      `/api/attempts/${miaAttempt}?userId=${userId}`,
      `/api/sessions?userId=${userId}`,
      `/api/sessions/${miaSession}?userId=${userId}`,
      `/api/reviews/due?userId=${userId}`,
      `/api/progress?userId=${userId}`,
    ];
    const ghost = urls(nobody);
    for (const [i, url] of urls(mia.id).entries()) {
      for (const headers of [inNorthwind(max), inNorthwind(max, 'script')]) {
        const theirs = await call('GET', url, headers);
        const missing = await call('GET', ghost[i] ?? '', headers);
        assert.equal(theirs.statusCode, 404, `${url}: ${theirs.body}`);
        assert.equal(errorCode(theirs.body), 'NOT_FOUND');
        assert.ok(!theirs.body.includes(ANSWER.slice(0, 30)));
        assert.equal(masked(theirs.body, mia.id), masked(missing.body, nobody), url);
      }
    }
    // Naming oneself is one's own data.
    assert.equal((await call('GET', `/api/plans?userId=${max.id}`, inNorthwind(max))).statusCode, 200);
    // A malformed user id is a 400, like any malformed id.
    assert.equal((await call('GET', `/api/plans?userId=${encodeURIComponent("' or 1=1 --")}`, inNorthwind(max))).statusCode, 400);
    // The overview is for owners and coaches.
    const overview = await call('GET', '/api/members/progress', inNorthwind(max));
    assert.equal(overview.statusCode, 403, overview.body);
  });

  it('a member can neither change nor use another member’s plan, session or idempotency key', async () => {
    assert.equal((await call('DELETE', `/api/plans/${miaPlan}`, inNorthwind(max))).statusCode, 404);
    assert.equal((await call('POST', `/api/sessions/${miaSession}/finish`, inNorthwind(max), {})).statusCode, 404);
    assert.equal((await answer(inNorthwind(max), randomKey(), { sessionId: miaSession })).statusCode, 404);
    assert.equal((await call('POST', '/api/sessions', inNorthwind(max), { mode: 'practice', planId: miaPlan })).statusCode, 404);
    assert.equal((await call('DELETE', `/api/saved/${encodeURIComponent('backend/api-versioning-evolution')}`, inNorthwind(max))).statusCode, 404);
    // The same idempotency key as mia's records max's own attempt: never a replay of hers, never a conflict.
    const same = await answer(inNorthwind(max), 'shared-key', { answer: 'A different answer: a header carries the version; routing picks the handler.' });
    assert.equal(same.statusCode, 201, same.body);
    assert.notEqual(same.json<{ id: string }>().id, miaAttempt);
    // mia's data is untouched.
    assert.equal((await call('GET', `/api/plans/${miaPlan}`, inNorthwind(mia))).statusCode, 200);
    const session = (await call('GET', `/api/sessions/${miaSession}`, inNorthwind(mia))).json<{ status: string }>();
    assert.equal(session.status, 'active');
    assert.equal((await call('GET', '/api/saved', inNorthwind(mia))).json<{ items: unknown[] }>().items.length, 1);
    const replay = await answer(inNorthwind(mia), 'shared-key');
    assert.equal(replay.statusCode, 200, 'mia’s own retry still replays her attempt');
    assert.equal(replay.json<{ id: string }>().id, miaAttempt);
  });

  for (const who of ['coach', 'owner'] as const) {
    it(`a ${who} reads a member’s plans, attempts, sessions, reviews and progress by naming them`, async () => {
      const reader = who === 'coach' ? colin : olivia;
      for (const headers of [inNorthwind(reader), inNorthwind(reader, 'script')]) {
        const q = `userId=${mia.id}`;
        assert.deepEqual((await call('GET', `/api/plans?${q}`, headers)).json<{ items: { id: string }[] }>().items.map((p) => p.id), [miaPlan]);
        assert.equal((await call('GET', `/api/plans/${miaPlan}?${q}`, headers)).statusCode, 200);
        assert.deepEqual((await call('GET', `/api/attempts?${q}`, headers)).json<{ items: { id: string }[] }>().items.map((a) => a.id), [miaAttempt]);
        const attempt = await call('GET', `/api/attempts/${miaAttempt}?${q}`, headers);
        assert.equal(attempt.statusCode, 200);
        assert.equal(attempt.json<{ answer: string }>().answer, ANSWER);
        assert.deepEqual((await call('GET', `/api/sessions?${q}`, headers)).json<{ items: { id: string }[] }>().items.map((s) => s.id), [miaSession]);
        assert.equal((await call('GET', `/api/sessions/${miaSession}?${q}`, headers)).statusCode, 200);
        assert.equal((await call('GET', `/api/mock-loops/${miaSession}/scorecard?${q}`, headers)).statusCode, 200);
        assert.equal((await call('GET', `/api/reviews/due?${q}`, headers)).json<{ upcoming: unknown[] }>().upcoming.length, 1);
        const progress = await call('GET', `/api/progress?${q}&planId=${miaPlan}`, headers);
        assert.equal(progress.statusCode, 200, progress.body);
        assert.equal(progress.json<{ attempts: number }>().attempts, 1);
        // Without naming her, it is the reader's own data: none of hers.
        assert.equal((await call('GET', `/api/plans/${miaPlan}`, headers)).statusCode, 404);
        assert.ok(!(await call('GET', '/api/attempts', headers)).json<{ items: { id: string }[] }>().items.some((a) => a.id === miaAttempt));
        // Saved questions are nobody else's business.
        assert.equal((await call('GET', `/api/saved?${q}`, headers)).json<{ items: unknown[] }>().items.length, 0);
      }
    });

    it(`a ${who} cannot delete, finish, answer in or practise from a member’s data`, async () => {
      const reader = who === 'coach' ? colin : olivia;
      const headers = inNorthwind(reader);
      for (const res of [
        await call('DELETE', `/api/plans/${miaPlan}`, headers),
        await call('DELETE', `/api/plans/${miaPlan}?userId=${mia.id}`, headers),
        await call('POST', `/api/sessions/${miaSession}/finish`, headers, {}),
        await call('POST', `/api/sessions/${miaSession}/finish?userId=${mia.id}`, headers, {}),
        await answer(headers, randomKey(), { sessionId: miaSession }),
        await call('POST', '/api/sessions', headers, { mode: 'practice', planId: miaPlan }),
        await call('DELETE', `/api/saved/${encodeURIComponent('backend/api-versioning-evolution')}`, headers),
      ]) {
        assert.ok([403, 404].includes(res.statusCode), `${String(res.statusCode)} ${res.body}`);
      }
      // An answer by the reader is the reader's own, even with mia's idempotency key.
      const own = await answer(headers, 'shared-key', { answer: `${ANSWER} (${who})` });
      assert.equal(own.statusCode, 201, own.body);
      const [row] = await sql<{ user_id: string }>('select user_id from attempts where id = $1', [own.json<{ id: string }>().id]);
      assert.equal(row?.user_id, reader.id);
      // mia's data is untouched.
      assert.equal((await call('GET', `/api/plans/${miaPlan}`, inNorthwind(mia))).statusCode, 200);
      assert.equal((await call('GET', `/api/sessions/${miaSession}`, inNorthwind(mia))).json<{ status: string }>().status, 'active');
      assert.deepEqual((await call('GET', '/api/attempts', inNorthwind(mia))).json<{ items: { id: string }[] }>().items.map((a) => a.id), [miaAttempt]);
    });
  }

  it('coaches and owners read members only: not another coach, not the owner, not outside the organization', async () => {
    await createPlan(inNorthwind(cora));
    await createPlan(inNorthwind(olivia));
    const suesPlan = await createPlan({ ...browser(sue), 'x-organization-id': southwind });
    for (const [reader, target] of [
      [colin, cora], // another coach
      [colin, olivia], // the owner
      [olivia, cora], // the owner reading a coach
      [colin, sue], // a member of another organization
      [olivia, sue],
    ] as const) {
      const res = await call('GET', `/api/plans?userId=${target.id}`, inNorthwind(reader));
      assert.equal(res.statusCode, 404, `${reader.email} → ${target.email}: ${res.body}`);
    }
    // Naming sue while acting in Southwind is no way in either: colin is not in it.
    assert.equal((await call('GET', `/api/plans/${suesPlan}?userId=${sue.id}`, { ...browser(colin), 'x-organization-id': southwind })).statusCode, 404);
    // Acting in their personal organization, a coach has no members to read.
    const personal = (await me(browser(colin))).organizations.find((o) => o.kind === 'personal')?.id ?? '';
    assert.equal((await call('GET', `/api/plans?userId=${mia.id}`, { ...browser(colin), 'x-organization-id': personal })).statusCode, 404);
    // Southwind's owner reads sue, and nobody in Northwind.
    assert.equal((await call('GET', `/api/plans?userId=${sue.id}`, { ...browser(sam), 'x-organization-id': southwind })).json<{ items: { id: string }[] }>().items[0]?.id, suesPlan);
    assert.equal((await call('GET', `/api/plans?userId=${mia.id}`, { ...browser(sam), 'x-organization-id': southwind })).statusCode, 404);
  });

  it('the members overview: each member’s attempts, recent average, due reviews and readiness, for owners and coaches', async () => {
    interface Overview {
      role: string;
      items: { userId: string; name: string; attempts: number; averageRecentScore: number | null; dueReviews: number; lastAttemptAt: string | null; readiness: { overall: number; stages: { stage: string }[] } }[];
    }
    for (const reader of [colin, olivia]) {
      const res = await call('GET', '/api/members/progress', inNorthwind(reader));
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json<Overview>();
      assert.equal(body.role, 'backend');
      assert.deepEqual(body.items.map((i) => i.userId).sort(), [mia.id, max.id].sort(), 'members only: no coach, no owner');
      const miaRow = body.items.find((i) => i.userId === mia.id);
      const miaProgress = (await call('GET', `/api/progress?userId=${mia.id}`, inNorthwind(reader))).json<{ attempts: number; recent: { score: number }[]; due: unknown[]; readiness: { readiness: number }[] }>();
      assert.equal(miaRow?.attempts, miaProgress.attempts);
      assert.equal(miaRow.averageRecentScore, miaProgress.recent[0]?.score);
      assert.equal(miaRow.dueReviews, miaProgress.due.length);
      assert.ok(miaRow.lastAttemptAt);
      assert.equal(miaRow.readiness.stages.length, miaProgress.readiness.length);
      const maxRow = body.items.find((i) => i.userId === max.id);
      assert.equal(maxRow?.attempts, 1, 'max answered once');
    }
    // Another organization's overview holds its own members only.
    const south = (await call('GET', '/api/members/progress', { ...browser(sam), 'x-organization-id': southwind })).json<Overview>();
    assert.deepEqual(south.items.map((i) => i.userId), [sue.id]);
    const sueRow = south.items[0];
    assert.ok(sueRow);
    assert.equal(sueRow.attempts, 0);
    assert.equal(sueRow.averageRecentScore, null);
    // A member is refused; a role that is not in the bank is a 404 naming it.
    assert.equal((await call('GET', '/api/members/progress', inNorthwind(mia))).statusCode, 403);
    assert.equal((await call('GET', '/api/members/progress?role=astronaut', inNorthwind(colin))).statusCode, 404);
  });

  it('a member who leaves is no longer readable by the organization’s coaches', async () => {
    const removed = await call('POST', '/api/auth/organization/remove-member', browser(olivia), { organizationId: northwind, memberIdOrEmail: max.email });
    assert.equal(removed.statusCode, 200, removed.body);
    assert.equal((await call('GET', `/api/attempts?userId=${max.id}`, inNorthwind(colin))).statusCode, 404);
    const overview = (await call('GET', '/api/members/progress', inNorthwind(colin))).json<{ items: { userId: string }[] }>();
    assert.deepEqual(overview.items.map((i) => i.userId), [mia.id]);
  });
});

describe('accounts: sessions and tokens', () => {
  it('no session is a 401 on every tenant route, and public content stays public', async () => {
    for (const url of ['/api/plans', '/api/attempts', '/api/saved', '/api/sessions', '/api/progress', '/api/reviews/due', '/api/me']) {
      const res = await call('GET', url);
      assert.equal(res.statusCode, 401, url);
      assert.equal(errorCode(res.body), 'UNAUTHORIZED');
    }
    assert.equal((await call('POST', '/api/plans', {}, { text: POSTING })).statusCode, 401);
    assert.equal((await call('GET', '/api/roles')).statusCode, 200);
  });

  it('a forged, tampered or unknown session cookie or token is a 401', async () => {
    const [name, value = ''] = alice.cookie.split('=');
    const [token = '', signature = ''] = decodeURIComponent(value).split('.');
    const forged = [
      `${name ?? ''}=${encodeURIComponent(`${token}.${signature.slice(0, -2)}AA`)}`, // the signature does not match
      `${name ?? ''}=${encodeURIComponent(`${'x'.repeat(token.length)}.${signature}`)}`, // another token, alice's signature
      `${name ?? ''}=garbage`,
      `${name ?? ''}=${encodeURIComponent(`' or 1=1 --.${signature}`)}`,
    ];
    for (const cookie of forged) {
      assert.equal((await call('GET', '/api/plans', { cookie })).statusCode, 401, cookie);
      assert.equal((await call('GET', '/api/me', { cookie })).statusCode, 401, cookie);
    }
    for (const authorization of [`Bearer ${alice.token}x`, 'Bearer ' + 'a'.repeat(32), `Bearer ${token}`, `Bearer ' or 1=1 --`, 'Basic YWxpY2U6cHc=']) {
      assert.equal((await call('GET', '/api/plans', { authorization })).statusCode, 401, authorization);
    }
  });

  it('an expired session is a 401', async () => {
    const user = await signUp('Frank', 'frank@example.com');
    assert.equal((await call('GET', '/api/plans', browser(user))).statusCode, 200);
    await sql(`update auth_sessions set expires_at = now() - interval '1 minute' where user_id = $1`, [user.id]);
    assert.equal((await call('GET', '/api/plans', browser(user))).statusCode, 401);
    assert.equal((await call('GET', '/api/plans', script(user))).statusCode, 401);
  });

  it('an API token authenticates like the session, and stops working when revoked', async () => {
    const session = await signIn('bob@example.com');
    const viaToken = await me(script(session));
    const viaCookie = await me(browser(session));
    assert.deepEqual(viaToken, viaCookie);
    const plan = await createPlan({ ...script(session), 'x-organization-id': acme });
    assert.equal((await call('GET', `/api/plans/${plan}`, { ...script(session), 'x-organization-id': acme })).statusCode, 200);
    // Tokens are better-auth sessions: listed and revoked with its session endpoints.
    const sessions = (await call('GET', '/api/auth/list-sessions', script(bob))).json<{ token: string }[]>();
    assert.ok(sessions.length >= 2);
    const revoke = await call('POST', '/api/auth/sign-out', { ...script(session) }, {});
    assert.equal(revoke.statusCode, 200, revoke.body);
    assert.equal((await call('GET', '/api/plans', script(session))).statusCode, 401);
    assert.equal((await call('GET', '/api/plans', browser(session))).statusCode, 401);
    assert.equal((await call('GET', '/api/plans', browser(bob))).statusCode, 200, 'other sessions stay signed in');
  });

  it('nobody can revoke or list another user’s sessions', async () => {
    const aliceToken = decodeURIComponent(alice.token).split('.')[0] ?? '';
    const revoke = await call('POST', '/api/auth/revoke-session', browser(mallory), { token: aliceToken });
    assert.ok(revoke.statusCode < 500);
    assert.equal((await call('GET', '/api/plans', browser(alice))).statusCode, 200, 'alice is still signed in');
    const listed = (await call('GET', '/api/auth/list-sessions', browser(mallory))).json<{ userId: string }[]>();
    assert.ok(listed.length > 0 && listed.every((s) => s.userId === mallory.id));
  });

  it('a cookie-authenticated write from another site is refused; a token from anywhere is not a cookie', async () => {
    const evil = { cookie: alice.cookie, origin: 'https://evil.example' };
    assert.equal((await call('POST', '/api/plans', evil, { text: POSTING })).statusCode, 403);
    assert.equal((await call('POST', '/api/auth/organization/create', evil, { name: 'Evil', slug: 'evil' })).statusCode, 403);
    assert.equal((await call('GET', '/api/plans', evil)).statusCode, 200, 'reads carry no side effect');
    assert.equal((await call('POST', '/api/plans', { ...script(alice), origin: 'https://evil.example' }, { text: POSTING })).statusCode, 201);
  });
});

describe('accounts: SQL metacharacters in every field', () => {
  it('in sign-up: refused as an email, stored as plain text as a name', async () => {
    for (const meta of METACHARS) {
      const bad = await call('POST', '/api/auth/sign-up/email', { origin: BASE }, { name: 'X', email: meta, password: 'correct horse battery' });
      assert.equal(bad.statusCode, 400, bad.body);
      const signIn = await call('POST', '/api/auth/sign-in/email', { origin: BASE }, { email: meta, password: meta });
      assert.ok([400, 401].includes(signIn.statusCode), signIn.body);
    }
    const user = await signUp(METACHARS[1] ?? '', 'meta@example.com');
    assert.equal((await me(browser(user))).user?.name, METACHARS[1]);
  });

  it('in organization names and slugs: stored as plain text', async () => {
    for (const meta of METACHARS) {
      const res = await call('POST', '/api/auth/organization/create', browser(mallory), { name: meta, slug: meta, keepCurrentActiveOrganization: true });
      assert.equal(res.statusCode, 200, res.body);
      const org = res.json<{ id: string; name: string; slug: string }>();
      assert.equal(org.name, meta);
      assert.equal(org.slug, org.id);
    }
    const names = (await me(browser(mallory))).organizations.map((o) => o.name);
    for (const meta of METACHARS) assert.ok(names.includes(meta));
    const [before] = await sql<{ n: number }>('select count(*)::int as n from tenants');
    const tooLong = await call('POST', '/api/auth/organization/create', browser(mallory), { name: 'x'.repeat(201), slug: 'long' });
    assert.equal(tooLong.statusCode, 400, tooLong.body);
    assert.deepEqual(await sql<{ n: number }>('select count(*)::int as n from tenants'), [before], 'no tenant row is left behind');
  });

  it('in x-organization-id: 404, the same as any organization the user is not in', async () => {
    for (const meta of [...METACHARS, '', ' ', acme.toUpperCase() + "'", `${acme}' or '1'='1`]) {
      const res = await call('GET', '/api/plans', { ...browser(alice), 'x-organization-id': meta });
      assert.equal(res.statusCode, 404, `${meta}: ${res.body}`);
      assert.equal(errorCode(res.body), 'NOT_FOUND');
    }
  });

  it('in ids sent to better-auth’s endpoints: 4xx, never a 500', async () => {
    for (const meta of METACHARS) {
      const q = encodeURIComponent(meta);
      const responses = [
        await call('POST', '/api/auth/organization/accept-invitation', browser(bob), { invitationId: meta }),
        await call('POST', '/api/auth/organization/reject-invitation', browser(bob), { invitationId: meta }),
        await call('POST', '/api/auth/organization/cancel-invitation', browser(alice), { invitationId: meta }),
        await call('POST', '/api/auth/organization/set-active', browser(alice), { organizationId: meta }),
        await call('POST', '/api/auth/organization/invite-member', browser(alice), { organizationId: meta, email: 'x@example.com', role: 'member' }),
        await call('POST', '/api/auth/organization/invite-member', browser(alice), { organizationId: acme, email: meta, role: 'member' }),
        await call('POST', '/api/auth/organization/invite-member', browser(alice), { organizationId: acme, email: 'y@example.com', role: meta }),
        await call('POST', '/api/auth/organization/remove-member', browser(alice), { organizationId: acme, memberIdOrEmail: meta }),
        await call('POST', '/api/auth/organization/update-member-role', browser(alice), { organizationId: acme, memberId: meta, role: 'member' }),
        await call('POST', '/api/auth/organization/update', browser(alice), { organizationId: meta, data: { name: 'x' } }),
        await call('POST', '/api/auth/organization/leave', browser(alice), { organizationId: meta }),
        await call('GET', `/api/auth/organization/get-full-organization?organizationId=${q}`, browser(alice)),
        await call('GET', `/api/auth/organization/list-members?organizationId=${q}`, browser(alice)),
        await call('GET', `/api/auth/organization/list-invitations?organizationId=${q}`, browser(alice)),
        await call('GET', `/api/auth/organization/get-invitation?id=${q}`, browser(bob)),
      ];
      for (const res of responses) assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${meta}: ${String(res.statusCode)} ${res.body}`);
      // Revoking a session that is not yours (or does not exist) does nothing, and says only that.
      const revoke = await call('POST', '/api/auth/revoke-session', browser(alice), { token: meta });
      assert.deepEqual(revoke.json(), { status: true });
    }
    // Nothing was dropped or deleted along the way.
    const [counts] = await sql<{ plans: number; memberships: number; users: number }>(
      'select (select count(*) from plans)::int as plans, (select count(*) from memberships)::int as memberships, (select count(*) from auth_users)::int as users',
    );
    assert.ok(counts && counts.plans > 0 && counts.memberships > 0 && counts.users > 0);
    assert.equal((await me(browser(bob))).organizations.find((o) => o.id === acme)?.role, 'member');
  });

  it('in plan text and path ids: stored as plain text, or 4xx', async () => {
    for (const meta of METACHARS) {
      const id = await createPlan(browser(mallory), `${POSTING}\n${meta}`);
      const got = await call('GET', `/api/plans/${id}`, browser(mallory));
      assert.ok(got.json<{ posting: string }>().posting.includes(meta));
      const byMeta = await call('GET', `/api/plans/${encodeURIComponent(meta)}`, browser(mallory));
      assert.ok(byMeta.statusCode === 400 || byMeta.statusCode === 404, byMeta.body);
    }
  });
});

describe('accounts: start-up and limits', () => {
  it('sign-in is rate limited per client address', async () => {
    const limited = await serverApp({ LOOPCOACH_AUTH_RATE_LIMIT: 'on' });
    const limitedApi = await buildServer(limited);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limitedApi.inject({ method: 'POST', url: '/api/auth/sign-in/email', headers: { origin: BASE }, payload: { email: 'alice@example.com', password: 'wrong password!' } });
        statuses.push(res.statusCode);
      }
      assert.equal(statuses[0], 401);
      assert.equal(statuses.at(-1), 429);
      const other = await limitedApi.inject({ method: 'POST', url: '/api/auth/sign-in/email', remoteAddress: '10.1.2.3', headers: { origin: BASE }, payload: { email: 'alice@example.com', password: 'correct horse battery' } });
      assert.equal(other.statusCode, 200, 'another address is not limited');
      const spoofed = await limitedApi.inject({ method: 'POST', url: '/api/auth/sign-in/email', headers: { origin: BASE, 'x-loopcoach-client-ip': '10.9.9.9', 'x-forwarded-for': '10.9.9.9' }, payload: { email: 'alice@example.com', password: 'x' } });
      assert.equal(spoofed.statusCode, 429, 'the client address comes from the connection, not a header');
    } finally {
      await limitedApi.close();
      await limited.close();
    }
  });

  it('refuses to start when the account tables are missing what better-auth writes', async () => {
    await sql('alter table invitations rename column inviter_id to invited_by');
    try {
      await assert.rejects(serverApp(), /account tables[\s\S]*inviter_id/);
    } finally {
      await sql('alter table invitations rename column invited_by to inviter_id');
    }
  });
});
