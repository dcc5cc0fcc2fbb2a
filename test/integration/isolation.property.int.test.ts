/**
 * Tenant isolation over the HTTP API, property-based (issue #5), on a real PostgreSQL server started by the harness:
 * migrated as the owner, served in server mode (createApp + buildServer, Fastify inject) as a login role that can
 * only assume loopcoach_app.
 *
 * Three organizations, each with an owner who signs up and creates it, and a second user who signs up, is invited by
 * the owner and accepts: nine tenants (three organizations, six personal ones). fast-check generates sequences of
 * operations — create, list, read and delete plans; save, unsave and list saved questions; create (with an
 * Idempotency-Key), read and list attempts; create, read, finish and list sessions; read progress and the reviews
 * due — each by a random user, with their cookie or their bearer token, acting for a random organization (none named,
 * their personal one, their team's, one they are not in, a random UUID, a malformed value), and often naming
 * another tenant's plan, attempt, session, saved question or idempotency key.
 *
 * Organization content (the organization's own questions): a user adds one (as JSON or Markdown; an owner in their
 * team, anyone in their personal workspace; a member is refused with 403), sometimes with a slug another tenant
 * already uses (which must be a 201, never a 409); replaces one and reads it for editing; lists, searches, counts
 * (facets, role guides) and reads them (detail, model answer); scores, attempts and saves them; and a signed-out
 * request reads, searches and scores. Every question a tenant adds carries the tenant's marker and a skill of its
 * own, so any list, facet or page that shows another tenant's question fails the leak check, and another tenant's
 * question id (`org/<slug>`) or slug must answer the same 404 as one that never existed.
 *
 * A model records which tenant (and which user) created what. Each tenant has a unique marker string, written into
 * every posting, plan title, saved note and answer created for it. After every response:
 * - never a 5xx;
 * - the body holds no marker, tenant id, plan id, attempt id or session id of any tenant other than the one the
 *   request acts for (of any tenant at all when it acts for none), once the values the request itself sent are
 *   masked (a 404 names the id it was asked for);
 * - acting for an organization the user is not in (or a malformed one) is the same 404 — status and body, with the
 *   named value masked — as the same request naming a random UUID;
 * - another tenant's resource id (or a deleted one) is the same 404 as the same request with an id that never
 *   existed;
 * - another tenant's idempotency key records a new attempt (201), never their replay or a conflict;
 * - what a tenant sees is its own: lists hold only the tenant's rows and every row this user created there;
 *   progress counts and reviews cover only the tenant's attempts; search, facets and role guides show exactly the
 *   shipped questions and the tenant's own; a signed-out request, the shipped ones only.
 *
 * Inside one tenant the test does not fix who sees whom: a resource another member of the same organization
 * created may be shared (200) or private to its creator — then its 404 must be the same as for an id that never
 * existed. The user's own resources must always work.
 *
 * The database and the model persist across runs, so later runs act on many tenants' accumulated data.
 * Deterministic sequences: the seed is fixed (LOOPCOACH_FC_SEED changes it, LOOPCOACH_FC_RUNS the number of runs).
 * A failure prints the seed, the run, the operation and the requests of that run; shrinking is off (endOnFailure)
 * because the state is shared between runs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createApp, type App } from '../../src/app.js';
import { buildServer } from '../../src/http/server.js';
import type { Api } from '../../src/http/types.js';
import { resolveConfig } from '../../src/infra/config.js';
import { parseQuestionFile } from '../../src/core/content/parse.js';
import { startServerModeDatabase, type ServerModeDatabase } from '../support/server-mode.js';

const BASE = 'http://localhost:3000';
const SECRET = 'isolation-property-test-secret-long-enough-to-sign';
const SEED = process.env.LOOPCOACH_FC_SEED ? Number(process.env.LOOPCOACH_FC_SEED) : 20_250_505;
const RUNS = process.env.LOOPCOACH_FC_RUNS ? Number(process.env.LOOPCOACH_FC_RUNS) : 100;
const POSTING = readFileSync(new URL('../fixtures/posting-payments.md', import.meta.url), 'utf8');
const TITLES = [
  'Senior Backend Engineer, Payments',
  'Staff Backend Engineer, Ledger',
  'Backend Engineer II, Payouts',
  'Senior Software Engineer, Billing Platform',
  'Lead Backend Engineer, Card Issuing',
];
/** Written by requests that act for no organization the user is in: never stored anywhere, so never read back. */
const NOBODY = 'lcmarkNOBODY';
const MALFORMED = ['acme', `' or 1=1 --`, '00000000-0000-4000-8000-00000000000g', '*'];
/** The shipped question organizations' questions are made from (roles, stage, rubric…), and its Markdown. */
const TEMPLATE_MD = readFileSync(new URL('../../content/questions/backend/rate-limiter-design.md', import.meta.url), 'utf8');
const TEMPLATE = (() => {
  const parsed = parseQuestionFile({ path: 'questions/backend/rate-limiter-design.md', text: TEMPLATE_MD });
  if (!parsed.ok) throw new Error('the template question does not parse');
  const { id: _id, ...rest } = parsed.value;
  return rest;
})();
/** In the title of every organization's question, and of no shipped one: search for it finds exactly those. */
const ORG_WORD = 'Zephyrine';
/** What a signed-out request sees (read at set-up): the shipped questions, and how many of them are backend's. */
let shippedTotal = 0;
let shippedBackend = 0;

// ---------------------------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------------------------
interface AttemptPayload {
  questionId: string;
  answer: string;
  mode?: 'practice' | 'interview';
  sessionId?: string;
}
interface SavedModel {
  /** Users whose row for this question certainly exists, with the note they wrote. */
  sure: Map<string, string>;
  /** Users whose row may exist (another user's unsave may or may not have removed it). */
  maybe: Set<string>;
  /** Every note ever written for this question in this tenant. */
  notes: Set<string>;
}
interface TenantModel {
  id: string;
  label: string;
  marker: string;
  plans: Map<string, { creator: string; live: boolean }>;
  attempts: Map<string, { creator: string; questionId: string }>;
  keys: Map<string, { creator: string; attemptId: string; payload: AttemptPayload }>;
  sessions: Map<string, { creator: string; items: string[]; status: 'active' | 'finished' }>;
  saved: Map<string, SavedModel>;
  /** A skill id only this tenant's own questions carry (facets show it to this tenant alone). */
  skill: string;
  /** The tenant's own questions, by id (org/<slug>); never deleted here, so always all of them. */
  orgQuestions: Map<string, { slug: string; creator: string; title: string }>;
}
interface User {
  name: string;
  cookie: string;
  token: string;
  personal: string;
  team: string;
  /** The organization a request acts for when it names none (the session's active one). */
  active: string;
}

let db: ServerModeDatabase | undefined;
let app: App | undefined;
let api: Api | undefined;
const users: User[] = [];
const tenants = new Map<string, TenantModel>();
let questionPool: string[] = [];
let counter = 0;
const next = (): number => ++counter;
/** How requests for another member's resource in the same organization were answered, per kind of resource. */
const shared = new Map<string, { shared: number; private: number }>();
const countShared = (kind: string, visible: boolean): void => {
  const c = shared.get(kind) ?? { shared: 0, private: 0 };
  if (visible) c.shared++;
  else c.private++;
  shared.set(kind, c);
};

function tenantOf(id: string): TenantModel {
  const t = tenants.get(id);
  if (!t) throw new Error(`no tenant ${id} in the model`);
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------------------------
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface Request {
  method: Method;
  url: string;
  headers: Record<string, string>;
  payload?: Record<string, unknown>;
}
type PartialRequest = Omit<Request, 'headers'> & { headers?: Record<string, string> };
interface Response {
  status: number;
  body: string;
  headers: Record<string, unknown>;
}
let trace: string[] = [];
/** How the organization-content operations were answered (status of their first request), for the diagnostics. */
let currentKind = '';
const answered = new Map<string, Map<number, number>>();

function server(): Api {
  if (!api) throw new Error('the server did not start');
  return api;
}

async function send(req: Request, note = ''): Promise<Response> {
  const res = await server().inject({ method: req.method, url: req.url, headers: req.headers, ...(req.payload === undefined ? {} : { payload: req.payload }) });
  trace.push(`${req.method} ${req.url} [org ${req.headers['x-organization-id'] ?? '-'}]${note} → ${String(res.statusCode)}`);
  if (currentKind !== '' && (note === '' || note === ' (signed out)')) {
    const byStatus = answered.get(currentKind) ?? new Map<number, number>();
    byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
    answered.set(currentKind, byStatus);
    currentKind = '';
  }
  assert.ok(res.statusCode < 500, `${req.method} ${req.url} answered ${String(res.statusCode)}: ${res.body}`);
  return { status: res.statusCode, body: res.body, headers: res.headers };
}
const parse = (res: Response): unknown => JSON.parse(res.body);
const jsonEscaped = (s: string): string => JSON.stringify(s).slice(1, -1);

function sessionCookie(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('loopcoach.session_token='));
  assert.ok(found, `no session cookie in ${JSON.stringify(all)}`);
  return found;
}

async function setupCall(method: Method, url: string, headers: Record<string, string>, payload?: Record<string, unknown>) {
  const res = await server().inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  assert.equal(res.statusCode, 200, `${method} ${url}: ${res.body}`);
  return res;
}

// ---------------------------------------------------------------------------------------------------------------
// Leak and uniformity checks
// ---------------------------------------------------------------------------------------------------------------
/** Every value that belongs to a tenant other than `acting` (to any tenant when acting is null). */
function foreignSecrets(acting: string | null): string[] {
  const out: string[] = [NOBODY];
  const own = acting === null ? undefined : tenants.get(acting);
  for (const t of tenants.values()) {
    if (t.id === acting) continue;
    out.push(t.marker, t.id, t.skill, ...t.plans.keys(), ...t.attempts.keys(), ...t.sessions.keys());
    // Another tenant's question slugs, except one the acting tenant also uses (slugs are unique per tenant only).
    for (const [id, q] of t.orgQuestions) if (!own?.orgQuestions.has(id)) out.push(q.slug);
  }
  return out;
}

/** The body holds no other tenant's data; the values the request itself sent are masked first. */
function assertNoLeak(res: Response, acting: string | null, sent: readonly string[], what: string): void {
  let body = res.body;
  for (const s of sent) body = body.split(jsonEscaped(s)).join('<sent>');
  for (const secret of foreignSecrets(acting)) {
    assert.ok(!body.includes(secret), `${what}: the response holds "${secret}", which belongs to another tenant: ${res.body.slice(0, 500)}`);
  }
}

/** The body with each reference masked, in order. */
const masked = (body: string, refs: readonly string[]): string => refs.reduce((b, r, i) => b.split(jsonEscaped(r)).join(`<ref${String(i)}>`), body);

interface Ref {
  value: string;
  /** A value of the same kind that never existed. */
  fresh: string;
}

/**
 * `res` is a 404 (or `status`), and the same request with each reference replaced by a value that never existed is
 * the same answer, with the same body once the references are masked.
 */
async function assertSame404AsNonexistent(req: Request, res: Response, refs: readonly Ref[], what: string, status = 404): Promise<void> {
  // A path carries a value URL-encoded (a question id's slash is %2F): swap both spellings.
  const swap = (s: string): string =>
    refs.reduce((acc, r) => acc.split(r.value).join(r.fresh).split(encodeURIComponent(r.value)).join(encodeURIComponent(r.fresh)), s);
  const twin: Request = {
    method: req.method,
    url: swap(req.url),
    headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, swap(v)])),
    ...(req.payload === undefined ? {} : { payload: JSON.parse(swap(JSON.stringify(req.payload))) as Record<string, unknown> }),
  };
  const other = await send(twin, ' (twin: never existed)');
  assert.equal(res.status, status, `${what}: expected the ${String(status)} of a missing resource, got ${String(res.status)}: ${res.body.slice(0, 300)}`);
  assert.equal(other.status, status, `${what}: the twin naming a value that never existed answered ${String(other.status)}: ${other.body.slice(0, 300)}`);
  assert.equal(
    masked(res.body, refs.map((r) => r.value)),
    masked(other.body, refs.map((r) => r.fresh)),
    `${what}: this 404 differs from the one for a value that never existed`,
  );
  assertNoLeak(other, null, refs.map((r) => r.fresh), `${what} (twin)`);
}

// ---------------------------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------------------------
const KINDS = {
  createPlan: 3,
  listPlans: 2,
  getPlan: 3,
  deletePlan: 1,
  save: 3,
  unsave: 2,
  listSaved: 2,
  createAttempt: 5,
  getAttempt: 3,
  listAttempts: 2,
  createSession: 3,
  getSession: 2,
  finishSession: 1,
  scorecard: 1,
  listSessions: 1,
  progress: 2,
  reviewsDue: 2,
  // The organization's own questions.
  createOrgQuestion: 3,
  replaceOrgQuestion: 1,
  readOrgRecord: 1,
  listOrgQuestions: 1,
  searchOrg: 2,
  facetsOrg: 1,
  rolesOrg: 1,
  readOrgQuestion: 3,
  scoreOrg: 2,
  attemptOrg: 2,
  saveOrg: 1,
  signedOut: 1,
} as const;
type Kind = keyof typeof KINDS;
const ORG_KINDS: Partial<Record<Kind, true>> = Object.fromEntries(
  Object.keys(KINDS).slice(Object.keys(KINDS).indexOf('createOrgQuestion')).map((k) => [k, true]),
);
type OrgChoice = 'default' | 'personal' | 'team' | 'foreign' | 'random' | 'malformed';
type Target = 'own' | 'foreign' | 'random' | 'gone';
type KeyChoice = 'fresh' | 'replay' | 'conflict' | 'foreign';

/** One operation, abstract: its references are resolved against the model when it runs. */
interface Op {
  kind: Kind;
  user: number;
  auth: 'cookie' | 'bearer';
  org: OrgChoice;
  target: Target;
  key: KeyChoice;
  withRef: boolean;
  pick: number;
  variant: number;
  uuid: string;
  uuid2: string;
  fresh: string;
}

const weighted = <T,>(entries: readonly (readonly [T, number])[]): fc.Arbitrary<T> =>
  fc.oneof(...entries.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: weighted(Object.entries(KINDS) as [Kind, number][]),
  user: fc.nat({ max: 5 }),
  auth: fc.constantFrom('cookie' as const, 'bearer' as const),
  org: weighted<OrgChoice>([['default', 3], ['personal', 2], ['team', 3], ['foreign', 3], ['random', 1], ['malformed', 1]]),
  target: weighted<Target>([['own', 4], ['foreign', 4], ['random', 1], ['gone', 1]]),
  key: weighted<KeyChoice>([['fresh', 5], ['replay', 2], ['conflict', 1], ['foreign', 2]]),
  withRef: fc.boolean(),
  pick: fc.nat(),
  variant: fc.nat(),
  uuid: fc.uuid({ version: 4 }),
  uuid2: fc.uuid({ version: 4 }),
  fresh: fc.uuid({ version: 4 }),
});

const at = <T,>(items: readonly T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);

function postingText(variant: number, marker: string): string {
  const lines = POSTING.split('\n');
  lines[0] = `# ${at(TITLES, variant) ?? 'Backend Engineer'}`;
  let text = lines.join('\n').replace('\n## What you', `\nOur internal team code is ${marker}.\n\n## What you`);
  if (variant % 3 === 1) text = text.replace(/## Nice to have[\s\S]*?## Benefits/, '## Benefits');
  if (variant % 4 === 2) text = text.replace('3 million merchants', `${String(2 + (variant % 7))} million merchants`);
  return text;
}

const ANSWERS = [
  'I would clarify the requirements first, then design the API around idempotency keys stored in PostgreSQL, with retries and timeouts, and measure p99 latency before and after.',
  'I led the migration in small steps: expand the schema, backfill in batches, switch reads behind a flag, then contract. We watched error rates and rolled back once.',
  'Use cache-aside with a TTL and explicit invalidation on writes; version the keys so a deploy can invalidate everything, and protect the database from a stampede by coalescing requests.',
];
const answerText = (variant: number, marker: string): string => `${at(ANSWERS, variant) ?? ''} Reference ${marker} #${String(next())}.`;

interface Acting {
  user: User;
  headers: Record<string, string>;
  /** The tenant the request acts for; null when the header names no organization the user is in. */
  tenant: TenantModel | null;
  /** Whose resources an `own` reference is picked from: the acting tenant, or the one the header names. */
  owner: TenantModel;
  /** The organization header sent, if any. */
  orgRef: string | null;
}

function resolveActing(op: Op): Acting {
  const user = users[op.user % users.length];
  if (!user) throw new Error('no users');
  const headers: Record<string, string> = op.auth === 'cookie' ? { cookie: user.cookie, origin: BASE } : { authorization: `Bearer ${user.token}` };
  let header: string | undefined;
  let tenant: TenantModel | null = null;
  let owner = tenantOf(user.active);
  switch (op.org) {
    case 'default':
      tenant = owner;
      break;
    case 'personal':
    case 'team':
      header = op.org === 'personal' ? user.personal : user.team;
      tenant = owner = tenantOf(header);
      break;
    case 'foreign': {
      const others = [...tenants.keys()].filter((id) => id !== user.personal && id !== user.team);
      header = at(others, op.pick) ?? user.personal;
      owner = tenantOf(header);
      break;
    }
    case 'random':
      header = op.uuid;
      break;
    case 'malformed':
      header = at(MALFORMED, op.pick) ?? '*';
      break;
  }
  if (header !== undefined) headers['x-organization-id'] = header;
  return { user, headers, tenant, owner, orgRef: header ?? null };
}

type Resource = 'plan' | 'attempt' | 'session' | 'saved' | 'orgQuestion';

function idsOf(t: TenantModel, kind: Resource, live = true): string[] {
  switch (kind) {
    case 'plan':
      return [...t.plans].filter(([, p]) => p.live === live).map(([id]) => id);
    case 'attempt':
      return live ? [...t.attempts.keys()] : [];
    case 'session':
      return live ? [...t.sessions.keys()] : [];
    case 'saved':
      return live ? [...t.saved].filter(([, s]) => s.sure.size + s.maybe.size > 0).map(([q]) => q) : [];
    case 'orgQuestion':
      return live ? [...t.orgQuestions.keys()] : [];
  }
}

/**
 * Who a reference is to, for the acting user in the acting tenant: `mine` (theirs, it must work), `member` (another
 * user's in the same tenant: shared or private, either is fine), `missing` (another tenant's, deleted, or never
 * existed: the 404 of a value that never existed).
 */
type Owner = 'mine' | 'member' | 'missing';

function classify(t: TenantModel | null, user: User, kind: Resource, id: string): Owner {
  if (!t) return 'missing';
  let creator: string | undefined;
  switch (kind) {
    case 'plan': {
      const plan = t.plans.get(id);
      creator = plan?.live ? plan.creator : undefined;
      break;
    }
    case 'attempt':
      creator = t.attempts.get(id)?.creator;
      break;
    case 'session':
      creator = t.sessions.get(id)?.creator;
      break;
    case 'saved': {
      const saved = t.saved.get(id);
      if (saved?.sure.has(user.name)) return 'mine';
      return saved && saved.sure.size + saved.maybe.size > 0 ? 'member' : 'missing';
    }
    case 'orgQuestion':
      // The organization's, not one user's: everyone in the tenant reads it.
      return t.orgQuestions.has(id) ? 'mine' : 'missing';
  }
  if (creator === undefined) return 'missing';
  return creator === user.name ? 'mine' : 'member';
}

/** A reference for `op.target`: one of the named tenant's, another tenant's, a deleted one, or one that never existed. */
function pickRef(op: Op, owner: TenantModel, kind: Resource): Ref {
  const fresh = kind === 'saved' ? `backend/never-saved-${op.fresh.slice(0, 8)}` : kind === 'orgQuestion' ? `org/zephyr-fresh-${op.fresh.slice(0, 8)}` : op.fresh;
  const random = kind === 'saved' ? `backend/not-a-question-${op.uuid2.slice(0, 8)}` : kind === 'orgQuestion' ? `org/zephyr-never-${op.uuid2.slice(0, 8)}` : op.uuid2;
  let value: string | undefined;
  switch (op.target) {
    case 'own':
      value = at(idsOf(owner, kind), op.pick);
      break;
    case 'foreign': {
      const known = new Set(kind === 'saved' ? owner.saved.keys() : idsOf(owner, kind));
      const theirs = [...tenants.values()].filter((x) => x.id !== owner.id).flatMap((x) => idsOf(x, kind).filter((id) => !known.has(id)));
      value = at(theirs, op.pick);
      break;
    }
    case 'gone':
      value = at(idsOf(owner, kind, false), op.pick);
      break;
    case 'random':
      break;
  }
  return { value: value ?? random, fresh };
}

/** Who may write the organization's content: its owners and coaches; in a personal workspace, its one user. */
const isEditor = (a: Acting): boolean => a.tenant !== null && (a.tenant.id === a.user.personal || (a.tenant.id === a.user.team && a.user.name.startsWith('owner')));

/** A question for the organization: the template with the tenant's marker in its title, prompt and answer, and its skill. */
function orgQuestionJson(slug: string, title: string, marker: string, skill: string): Record<string, unknown> {
  return {
    ...TEMPLATE,
    slug,
    title,
    prompt: `${TEMPLATE.prompt} (Asked by team ${marker}.)`,
    skills: [...TEMPLATE.skills.slice(0, 4), skill],
    modelAnswer: `${TEMPLATE.modelAnswer}\n\nNotes from team ${marker}.`,
  };
}
/** The same question as Markdown in the format of content/questions/*.md, with `slug:` for `id:`. */
function orgQuestionMarkdown(slug: string, title: string, marker: string, skill: string): string {
  const text = TEMPLATE_MD.replace(/^id: .*$/m, `slug: ${slug}`)
    .replace(/^title: .*$/m, `title: ${title}`)
    .replace(/^skills: \[([^,\]]+), ([^,\]]+), ([^,\]]+), ([^,\]]+),.*\]$/m, `skills: [$1, $2, $3, $4, ${skill}]`);
  return `${text.trimEnd()}\n\nNotes from team ${marker}.\n`;
}
const orgTitle = (marker: string, n: number): string => `${ORG_WORD} ${marker} rate limiter, take ${String(n)}`;
const slugRef = (ref: Ref): Ref => ({ value: ref.value.slice('org/'.length), fresh: ref.fresh.slice('org/'.length) });

/** Runs one operation and checks every invariant on its responses. */
async function run(op: Op): Promise<void> {
  currentKind = op.kind in ORG_KINDS ? op.kind : '';
  const a = resolveActing(op);
  const t = a.tenant;
  const me = a.user.name;
  const marker = t?.marker ?? `${NOBODY}${String(next())}`;
  const what = `${op.kind} by ${me} (${op.auth}) for ${t ? t.label : `no organization of theirs (${op.org} ${a.orgRef ?? ''})`}`;
  const orgRefs: Ref[] = a.orgRef !== null && t === null ? [{ value: a.orgRef, fresh: op.fresh }] : [];
  const complete = (req: PartialRequest): Request => ({ ...req, headers: { ...a.headers, ...req.headers } });

  /** Sends and checks for leaks. Acting for an organization the user is not in: the same 404 as a random UUID. */
  const request = async (req: PartialRequest, sent: string[] = []): Promise<Response | null> => {
    const full = complete(req);
    const res = await send(full);
    assertNoLeak(res, t?.id ?? null, [...sent, ...(a.orgRef === null ? [] : [a.orgRef])], what);
    if (t === null) {
      await assertSame404AsNonexistent(full, res, orgRefs, `${what}: ${req.method} ${req.url}`);
      return null;
    }
    return res;
  };

  /**
   * A request naming `ref`: `mine` must answer `status`; `missing` must be the 404 of a value that never existed;
   * `member` either. Resolves to the response when it succeeded.
   */
  const named = async (req: PartialRequest, ref: Ref, owner: Owner, status: number): Promise<Response | null> => {
    const res = await request(req, [ref.value]);
    if (!res) return null;
    const label = `${what}: ${req.method} ${req.url} (${op.target}, ${owner})`;
    if (owner === 'member') countShared(op.kind, res.status !== 404);
    if (owner === 'missing' || (owner === 'member' && res.status === 404)) {
      await assertSame404AsNonexistent(complete(req), res, [ref], label);
      return null;
    }
    assert.equal(res.status, status, `${label}: ${res.body.slice(0, 300)}`);
    return res;
  };

  switch (op.kind) {
    case 'createPlan': {
      const payload: Record<string, unknown> = { text: postingText(op.variant, marker) };
      if (op.withRef) payload.title = `${at(TITLES, op.variant + 1) ?? 'Engineer'} (${marker})`;
      const res = await request({ method: 'POST', url: '/api/plans', payload });
      if (!res || !t) return;
      assert.equal(res.status, 201, `${what}: ${res.body.slice(0, 300)}`);
      const plan = parse(res) as { id: string; posting: string };
      assert.ok(plan.posting.includes(t.marker), `${what}: the stored posting lost its marker`);
      t.plans.set(plan.id, { creator: me, live: true });
      return;
    }
    case 'listPlans': {
      const res = await request({ method: 'GET', url: '/api/plans' });
      if (!res || !t) return;
      assert.equal(res.status, 200);
      const ids = new Set((parse(res) as { items: { id: string }[] }).items.map((p) => p.id));
      for (const id of ids) assert.ok(t.plans.get(id)?.live, `${what}: lists plan ${id}, which is not a live plan of this tenant`);
      if (idsOf(t, 'plan').length <= 200) for (const [id, p] of t.plans) if (p.live && p.creator === me) assert.ok(ids.has(id), `${what}: misses the user's own plan ${id}`);
      return;
    }
    case 'getPlan':
    case 'deletePlan': {
      const ref = pickRef(op, a.owner, 'plan');
      const owner = classify(t, a.user, 'plan', ref.value);
      const url = `/api/plans/${ref.value}`;
      if (op.kind === 'getPlan') {
        const res = await named({ method: 'GET', url }, ref, owner, 200);
        if (!res || !t) return;
        const plan = parse(res) as { id: string; posting: string };
        assert.equal(plan.id, ref.value);
        assert.ok(plan.posting.includes(t.marker));
        return;
      }
      const res = await named({ method: 'DELETE', url }, ref, owner, 204);
      const p = t?.plans.get(ref.value);
      if (res && p) p.live = false;
      return;
    }
    case 'save': {
      const questionId = at(questionPool, op.pick) ?? '';
      const note = `Practise again with ${marker}: variant ${String(op.variant % 100)}`;
      const res = await request({ method: 'PUT', url: `/api/saved/${encodeURIComponent(questionId)}`, payload: { note } }, [questionId]);
      if (!res || !t) return;
      assert.equal(res.status, 200, `${what}: ${res.body}`);
      assert.equal((parse(res) as { note: string }).note, note);
      const s = t.saved.get(questionId) ?? { sure: new Map<string, string>(), maybe: new Set<string>(), notes: new Set<string>() };
      s.sure.set(me, note);
      s.maybe.delete(me);
      s.notes.add(note);
      t.saved.set(questionId, s);
      return;
    }
    case 'unsave': {
      const ref = pickRef(op, a.owner, 'saved');
      const owner = classify(t, a.user, 'saved', ref.value);
      const res = await named({ method: 'DELETE', url: `/api/saved/${encodeURIComponent(ref.value)}` }, ref, owner, 204);
      const s = t?.saved.get(ref.value);
      if (!s) return;
      if (res) {
        // Gone for this user; for the others it depends on whether the tenant's saved questions are shared.
        for (const u of s.sure.keys()) s.maybe.add(u);
        s.sure.clear();
      }
      s.maybe.delete(me);
      return;
    }
    case 'listSaved': {
      const res = await request({ method: 'GET', url: '/api/saved' });
      if (!res || !t) return;
      assert.equal(res.status, 200);
      const items = (parse(res) as { items: { questionId: string; note: string }[] }).items;
      for (const i of items) {
        assert.ok(t.saved.get(i.questionId)?.notes.has(i.note), `${what}: lists ${i.questionId} with a note never written in this tenant: ${i.note}`);
      }
      const listed = new Set(items.map((i) => i.questionId));
      for (const [q, s] of t.saved) if (s.sure.has(me)) assert.ok(listed.has(q), `${what}: misses the user's own saved question ${q}`);
      return;
    }
    case 'createAttempt': {
      let key = `key-${String(next())}`;
      let payload: AttemptPayload = { questionId: at(questionPool, op.pick) ?? '', answer: answerText(op.variant, marker) };
      if (op.variant % 5 === 0) payload.mode = 'interview';
      let expected: 'new' | 'replay' | 'conflict' = 'new';
      let foreignAttempt: string | null = null;
      let sessionRef: Ref | null = null;
      let sessionOwner: Owner = 'mine';
      if (op.key === 'replay' || op.key === 'conflict') {
        // One of this user's keys in this tenant: the same body replays, another body conflicts.
        const own = t ? at([...t.keys].filter(([, k]) => k.creator === me), op.pick) : undefined;
        if (own) {
          key = own[0];
          payload = { ...own[1].payload };
          if (op.key === 'conflict') payload.answer = answerText(op.variant + 1, marker);
          expected = op.key;
        }
      } else if (op.key === 'foreign') {
        // A key only other tenants used: a new attempt here, never their replay, never a conflict.
        const theirs = [...tenants.values()].filter((x) => x.id !== t?.id).flatMap((x) => [...x.keys].filter(([k]) => !t?.keys.has(k)));
        const chosen = at(theirs, op.pick);
        if (chosen) {
          key = chosen[0];
          foreignAttempt = chosen[1].attemptId;
        }
      } else if (op.withRef) {
        // An answer in a session — this user's, another member's, another tenant's, or none — to one of that
        // session's questions, so that only whose session it is can decide the answer.
        sessionRef = pickRef(op, a.owner, 'session');
        sessionOwner = classify(t, a.user, 'session', sessionRef.value);
        payload.sessionId = sessionRef.value;
        const session = [...tenants.values()].map((x) => x.sessions.get(sessionRef?.value ?? '')).find((x) => x !== undefined);
        if (session) payload.questionId = at(session.items, op.variant) ?? payload.questionId;
      }
      const req: PartialRequest = { method: 'POST', url: '/api/attempts', headers: { 'idempotency-key': key }, payload: { ...payload } };
      let res: Response | null;
      if (sessionRef) {
        const finished = t?.sessions.get(sessionRef.value)?.status === 'finished';
        res = await named(req, sessionRef, sessionOwner, finished ? 409 : 201);
        if (!res || finished) return;
      } else {
        res = await request(req);
      }
      if (!res || !t) return;
      if (expected === 'conflict') {
        assert.equal(res.status, 409, `${what}: the same key with another body: ${res.body}`);
        return;
      }
      const record = parse(res) as { id: string; answer: string; questionId: string };
      if (expected === 'replay') {
        assert.equal(res.status, 200, `${what}: a replay: ${res.body.slice(0, 300)}`);
        assert.equal(res.headers['idempotent-replayed'], 'true');
        assert.equal(record.id, t.keys.get(key)?.attemptId);
        return;
      }
      assert.equal(res.status, 201, `${what}: ${foreignAttempt ? 'another tenant’s idempotency key must record a new attempt' : 'a new attempt'}: ${res.body.slice(0, 300)}`);
      assert.equal(res.headers['idempotent-replayed'], 'false');
      assert.notEqual(record.id, foreignAttempt);
      assert.ok(record.answer.includes(t.marker));
      t.attempts.set(record.id, { creator: me, questionId: record.questionId });
      t.keys.set(key, { creator: me, attemptId: record.id, payload });
      return;
    }
    case 'getAttempt': {
      const ref = pickRef(op, a.owner, 'attempt');
      const res = await named({ method: 'GET', url: `/api/attempts/${ref.value}` }, ref, classify(t, a.user, 'attempt', ref.value), 200);
      if (!res || !t) return;
      const record = parse(res) as { id: string; answer: string };
      assert.equal(record.id, ref.value);
      assert.ok(record.answer.includes(t.marker));
      return;
    }
    case 'listAttempts': {
      const res = await request({ method: 'GET', url: '/api/attempts?limit=200' });
      if (!res || !t) return;
      assert.equal(res.status, 200);
      const ids = new Set((parse(res) as { items: { id: string }[] }).items.map((x) => x.id));
      for (const id of ids) assert.ok(t.attempts.has(id), `${what}: lists attempt ${id}, which is not this tenant's`);
      if (t.attempts.size <= 200) for (const [id, x] of t.attempts) if (x.creator === me) assert.ok(ids.has(id), `${what}: misses the user's own attempt ${id}`);
      return;
    }
    case 'createSession': {
      const mode = at(['practice', 'interview', 'mock'] as const, op.variant >> 2) ?? 'practice';
      if (op.variant % 3 === 0) {
        const ref = pickRef(op, a.owner, 'plan');
        const res = await named({ method: 'POST', url: '/api/sessions', payload: { planId: ref.value, mode, count: 3 } }, ref, classify(t, a.user, 'plan', ref.value), 201);
        if (res && t) recordSession(res, t, me);
        return;
      }
      const role = at(['backend', 'sre'], op.variant >> 4) ?? 'backend';
      const res = await request({ method: 'POST', url: '/api/sessions', payload: { role, mode, count: 3 } });
      if (!res || !t) return;
      assert.equal(res.status, 201, `${what}: ${res.body.slice(0, 300)}`);
      recordSession(res, t, me);
      return;
    }
    case 'getSession':
    case 'finishSession':
    case 'scorecard': {
      const ref = pickRef(op, a.owner, 'session');
      const req: PartialRequest =
        op.kind === 'getSession'
          ? { method: 'GET', url: `/api/sessions/${ref.value}` }
          : op.kind === 'finishSession'
            ? { method: 'POST', url: `/api/sessions/${ref.value}/finish` }
            : { method: 'GET', url: `/api/mock-loops/${ref.value}/scorecard` };
      const res = await named(req, ref, classify(t, a.user, 'session', ref.value), 200);
      const model = t?.sessions.get(ref.value);
      if (!res || !t || !model || op.kind === 'scorecard') return;
      const session = parse(res) as { id: string; status: string; items: { questionId: string; attemptId: string | null }[] };
      assert.equal(session.id, ref.value);
      assert.deepEqual(session.items.map((i) => i.questionId), model.items);
      for (const i of session.items) if (i.attemptId !== null) assert.ok(t.attempts.has(i.attemptId), `${what}: the session shows attempt ${i.attemptId}, not this tenant's`);
      if (op.kind === 'finishSession') model.status = 'finished';
      assert.equal(session.status, model.status);
      return;
    }
    case 'listSessions': {
      const res = await request({ method: 'GET', url: '/api/sessions' });
      if (!res || !t) return;
      assert.equal(res.status, 200);
      const ids = new Set((parse(res) as { items: { id: string }[] }).items.map((s) => s.id));
      for (const id of ids) assert.ok(t.sessions.has(id), `${what}: lists session ${id}, which is not this tenant's`);
      if (t.sessions.size <= 100) for (const [id, s] of t.sessions) if (s.creator === me) assert.ok(ids.has(id), `${what}: misses the user's own session ${id}`);
      return;
    }
    case 'progress': {
      let res: Response | null;
      if (op.withRef) {
        const ref = pickRef(op, a.owner, 'plan');
        res = await named({ method: 'GET', url: `/api/progress?planId=${ref.value}` }, ref, classify(t, a.user, 'plan', ref.value), 200);
      } else {
        res = await request({ method: 'GET', url: '/api/progress' });
      }
      if (!res || !t) return;
      assert.equal(res.status, 200, `${what}: ${res.body.slice(0, 300)}`);
      const p = parse(res) as { attempts: number; recent: { attemptId: string }[] };
      const mine = [...t.attempts.values()].filter((x) => x.creator === me).length;
      assert.ok(p.attempts >= mine && p.attempts <= t.attempts.size, `${what}: progress counts ${String(p.attempts)} attempts; the user made ${String(mine)}, the tenant holds ${String(t.attempts.size)}`);
      for (const r of p.recent) assert.ok(t.attempts.has(r.attemptId), `${what}: progress shows attempt ${r.attemptId}, not this tenant's`);
      return;
    }
    case 'reviewsDue': {
      const res = await request({ method: 'GET', url: '/api/reviews/due' });
      if (!res || !t) return;
      assert.equal(res.status, 200);
      const due = parse(res) as { items: { questionId: string }[]; upcoming: { questionId: string }[] };
      const attempted = new Set([...t.attempts.values()].map((x) => x.questionId));
      for (const r of [...due.items, ...due.upcoming]) assert.ok(attempted.has(r.questionId), `${what}: a review of ${r.questionId}, which nobody in this tenant attempted`);
      return;
    }

    // ---- The organization's own questions --------------------------------------------------------------------
    case 'createOrgQuestion': {
      // A new slug, or (key 'foreign') one only other tenants use: slugs are per tenant, so it is a 201, never a 409.
      let slug = `zephyr-${String(next())}-${op.uuid.slice(0, 8)}`;
      let sent: string[] = [];
      if (op.key === 'foreign') {
        const theirs = [...tenants.values()].filter((x) => x.id !== t?.id).flatMap((x) => [...x.orgQuestions.values()].map((q) => q.slug)).filter((s) => !t?.orgQuestions.has(`org/${s}`));
        const chosen = at(theirs, op.pick);
        if (chosen) {
          slug = chosen;
          sent = [chosen];
        }
      }
      const title = orgTitle(marker, op.variant % 1000);
      const skill = t?.skill ?? 'lcskill-nobody';
      const req: PartialRequest =
        op.variant % 2 === 0
          ? { method: 'POST', url: '/api/org/questions', payload: orgQuestionJson(slug, title, marker, skill) }
          : { method: 'POST', url: '/api/org/questions/markdown', payload: { markdown: orgQuestionMarkdown(slug, title, marker, skill) } };
      const res = await request(req, sent);
      if (!res || !t) return;
      if (!isEditor(a)) {
        assert.equal(res.status, 403, `${what}: a member adds no questions: ${res.body.slice(0, 300)}`);
        return;
      }
      assert.equal(res.status, 201, `${what}: ${res.body.slice(0, 500)}`);
      const rec = parse(res) as { id: string; slug: string; question: { title: string; skills: string[] } };
      assert.deepEqual([rec.id, rec.slug, rec.question.title], [`org/${slug}`, slug, title]);
      assert.ok(rec.question.skills.includes(t.skill));
      t.orgQuestions.set(rec.id, { slug, creator: me, title });
      return;
    }
    case 'replaceOrgQuestion':
    case 'readOrgRecord': {
      // Replace (PUT) or read for editing (GET) one of the tenant's questions by slug, another tenant's, or none.
      const ref = slugRef(pickRef(op, a.owner, 'orgQuestion'));
      const owner = classify(t, a.user, 'orgQuestion', `org/${ref.value}`);
      const title = orgTitle(marker, op.variant % 1000);
      const req: PartialRequest =
        op.kind === 'replaceOrgQuestion'
          ? { method: 'PUT', url: `/api/org/questions/${ref.value}`, payload: orgQuestionJson(ref.value, title, marker, t?.skill ?? 'lcskill-nobody') }
          : { method: 'GET', url: `/api/org/questions/${ref.value}` };
      if (t && !isEditor(a)) {
        // A member is refused before any lookup: the same 403 for the tenant's slug, another's, or none.
        const res = await request(req, [ref.value]);
        if (res) await assertSame404AsNonexistent(complete(req), res, [ref], `${what}: ${req.method} ${req.url}`, 403);
        return;
      }
      const res = await named(req, ref, owner, 200);
      if (!res || !t) return;
      const rec = parse(res) as { id: string; question: { title: string }; markdown: string };
      assert.equal(rec.id, `org/${ref.value}`);
      assert.ok(rec.markdown.includes(t.marker), `${what}: the tenant's question lost its marker`);
      const model = t.orgQuestions.get(rec.id);
      if (op.kind === 'replaceOrgQuestion' && model) model.title = title;
      assert.equal(rec.question.title, model?.title);
      return;
    }
    case 'listOrgQuestions': {
      const res = await request({ method: 'GET', url: '/api/org/questions' });
      if (!res || !t) return;
      assert.equal(res.status, 200, `${what}: ${res.body.slice(0, 300)}`);
      const ids = (parse(res) as { items: { id: string }[] }).items.map((i) => i.id).sort();
      assert.deepEqual(ids, [...t.orgQuestions.keys()].sort(), `${what}: the organization's list is not exactly its questions`);
      return;
    }
    case 'searchOrg': {
      const filters = op.variant % 3 === 0 ? '&role=backend&stage=system-design' : op.variant % 3 === 1 ? '&difficulty=medium' : '';
      const res = await request({ method: 'GET', url: `/api/questions?q=${ORG_WORD.toLowerCase()}&limit=200${filters}` });
      if (!res || !t) return;
      assert.equal(res.status, 200, `${what}: ${res.body.slice(0, 300)}`);
      const found = parse(res) as { total: number; items: { id: string; source: string }[] };
      for (const i of found.items) assert.equal(i.source, 'organization', `${what}: ${i.id}`);
      if (t.orgQuestions.size <= 200) {
        assert.deepEqual(found.items.map((i) => i.id).sort(), [...t.orgQuestions.keys()].sort(), `${what}: search shows other questions than the tenant's own`);
      }
      assert.equal(found.total, t.orgQuestions.size);
      return;
    }
    case 'facetsOrg': {
      const res = await request({ method: 'GET', url: op.variant % 2 === 0 ? '/api/questions/facets' : '/api/questions/facets?role=backend' });
      if (!res || !t) return;
      assert.equal(res.status, 200, `${what}: ${res.body.slice(0, 300)}`);
      const facets = parse(res) as { total: number; skills: { id: string; count: number }[] };
      const own = facets.skills.find((f) => f.id === t.skill);
      assert.equal(own?.count ?? 0, t.orgQuestions.size, `${what}: the tenant's skill facet`);
      if (op.variant % 2 === 0) assert.equal(facets.total, shippedTotal + t.orgQuestions.size, `${what}: facets count other questions than the shipped and the tenant's`);
      return;
    }
    case 'rolesOrg': {
      if (op.variant % 2 === 0) {
        const res = await request({ method: 'GET', url: '/api/roles' });
        if (!res || !t) return;
        assert.equal(res.status, 200);
        const backend = (parse(res) as { items: { id: string; questionCount: number }[] }).items.find((r) => r.id === 'backend');
        assert.equal(backend?.questionCount, shippedBackend + t.orgQuestions.size, `${what}: the backend guide's question count`);
        return;
      }
      const res = await request({ method: 'GET', url: '/api/roles/backend' });
      if (!res || !t) return;
      assert.equal(res.status, 200);
      const guide = parse(res) as { questionCount: number; stages: { questions: { id: string; source: string }[] }[] };
      const orgIds = guide.stages.flatMap((s) => s.questions.filter((x) => x.source === 'organization').map((x) => x.id)).sort();
      assert.deepEqual(orgIds, [...t.orgQuestions.keys()].sort(), `${what}: the backend guide shows other questions than the tenant's own`);
      assert.equal(guide.questionCount, shippedBackend + t.orgQuestions.size);
      return;
    }
    case 'readOrgQuestion': {
      const ref = pickRef(op, a.owner, 'orgQuestion');
      const url = `/api/questions/${encodeURIComponent(ref.value)}${op.variant % 3 === 2 ? '/model-answer' : ''}`;
      const res = await named({ method: 'GET', url }, ref, classify(t, a.user, 'orgQuestion', ref.value), 200);
      if (!res || !t) return;
      const body = parse(res) as { id: string; source?: string; title?: string; modelAnswer?: string };
      assert.equal(body.id, ref.value);
      assert.ok(res.body.includes(t.marker), `${what}: the tenant's question lost its marker`);
      if (op.variant % 3 !== 2) assert.deepEqual([body.source, body.title], ['organization', t.orgQuestions.get(ref.value)?.title]);
      return;
    }
    case 'scoreOrg': {
      const ref = pickRef(op, a.owner, 'orgQuestion');
      const req: PartialRequest = { method: 'POST', url: '/api/score', payload: { questionId: ref.value, answer: answerText(op.variant, marker) } };
      const res = await named(req, ref, classify(t, a.user, 'orgQuestion', ref.value), 200);
      if (!res) return;
      assert.equal(typeof (parse(res) as { score: unknown }).score, 'number');
      return;
    }
    case 'attemptOrg': {
      const ref = pickRef(op, a.owner, 'orgQuestion');
      const key = `key-${String(next())}`;
      const payload: AttemptPayload = { questionId: ref.value, answer: answerText(op.variant, marker) };
      const req: PartialRequest = { method: 'POST', url: '/api/attempts', headers: { 'idempotency-key': key }, payload: { ...payload } };
      const res = await named(req, ref, classify(t, a.user, 'orgQuestion', ref.value), 201);
      if (!res || !t) return;
      const record = parse(res) as { id: string; questionId: string; questionTitle: string; answer: string };
      assert.deepEqual([record.questionId, record.questionTitle], [ref.value, t.orgQuestions.get(ref.value)?.title]);
      assert.ok(record.answer.includes(t.marker));
      t.attempts.set(record.id, { creator: me, questionId: record.questionId });
      t.keys.set(key, { creator: me, attemptId: record.id, payload });
      return;
    }
    case 'saveOrg': {
      const ref = pickRef(op, a.owner, 'orgQuestion');
      const note = `Practise the team's own with ${marker}: variant ${String(op.variant % 100)}`;
      const res = await named({ method: 'PUT', url: `/api/saved/${encodeURIComponent(ref.value)}`, payload: { note } }, ref, classify(t, a.user, 'orgQuestion', ref.value), 200);
      if (!res || !t) return;
      const saved = parse(res) as { questionId: string; title: string; note: string };
      assert.deepEqual([saved.questionId, saved.title, saved.note], [ref.value, t.orgQuestions.get(ref.value)?.title, note]);
      const s = t.saved.get(ref.value) ?? { sure: new Map<string, string>(), maybe: new Set<string>(), notes: new Set<string>() };
      s.sure.set(me, note);
      s.maybe.delete(me);
      s.notes.add(note);
      t.saved.set(ref.value, s);
      return;
    }
    case 'signedOut': {
      // No credentials at all (an organization header changes nothing): the shipped content, and nobody's own.
      const headers: Record<string, string> = op.withRef ? { 'x-organization-id': a.owner.id } : {};
      const anyone = [...tenants.values()].flatMap((x) => [...x.orgQuestions.keys()]);
      const ref: Ref = { value: at(anyone, op.pick) ?? `org/zephyr-never-${op.uuid2.slice(0, 8)}`, fresh: `org/zephyr-fresh-${op.fresh.slice(0, 8)}` };
      const choice = op.variant % 5;
      const req: Request =
        choice === 0
          ? { method: 'GET', url: `/api/questions?q=${ORG_WORD.toLowerCase()}&limit=200`, headers }
          : choice === 1
            ? { method: 'GET', url: `/api/questions/${encodeURIComponent(ref.value)}`, headers }
            : choice === 2
              ? { method: 'POST', url: '/api/score', headers, payload: { questionId: ref.value, answer: answerText(op.variant, NOBODY) } }
              : choice === 3
                ? { method: 'GET', url: '/api/roles', headers }
                : { method: 'GET', url: '/api/questions/facets', headers };
      const res = await send(req, ' (signed out)');
      assertNoLeak(res, null, [ref.value, NOBODY], `signed-out ${req.method} ${req.url}`);
      if (choice === 1 || choice === 2) {
        await assertSame404AsNonexistent(req, res, [ref], `signed-out ${req.method} ${req.url}`);
        return;
      }
      assert.equal(res.status, 200, `signed-out ${req.url}: ${res.body.slice(0, 300)}`);
      if (choice === 0) assert.equal((parse(res) as { total: number }).total, 0);
      if (choice === 3) assert.equal((parse(res) as { items: { id: string; questionCount: number }[] }).items.find((r) => r.id === 'backend')?.questionCount, shippedBackend);
      if (choice === 4) assert.equal((parse(res) as { total: number }).total, shippedTotal);
      return;
    }
  }
}

function recordSession(res: Response, t: TenantModel, creator: string): void {
  const session = parse(res) as { id: string; items: { questionId: string }[] };
  t.sessions.set(session.id, { creator, items: session.items.map((i) => i.questionId), status: 'active' });
}

// ---------------------------------------------------------------------------------------------------------------
// Set-up: three organizations, each with an owner and an invited member
// ---------------------------------------------------------------------------------------------------------------
before(async () => {
  db = await startServerModeDatabase('isolation_property');
  app = await createApp(
    resolveConfig({ mode: 'server' }, { DATABASE_URL: db.serverUrl, BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: BASE, LOOPCOACH_AUTH_RATE_LIMIT: 'off' }),
  );
  api = await buildServer(app);
  await api.ready();

  const addTenant = (id: string, label: string): void => {
    tenants.set(id, {
      id,
      label,
      marker: `lcmark${label}q${id.replace(/-/g, '').slice(0, 12)}`,
      plans: new Map(),
      attempts: new Map(),
      keys: new Map(),
      sessions: new Map(),
      saved: new Map(),
      skill: `lcskill-${label.toLowerCase()}-${id.replace(/-/g, '').slice(0, 8)}`,
      orgQuestions: new Map(),
    });
  };
  const signUp = async (name: string, email: string) => {
    const res = await setupCall('POST', '/api/auth/sign-up/email', { origin: BASE }, { name, email, password: 'correct horse battery' });
    const token = res.headers['set-auth-token'];
    assert.equal(typeof token, 'string');
    return { cookie: sessionCookie(res.headers['set-cookie']), token: token as string };
  };
  const idOf = (body: string): string => (JSON.parse(body) as { id: string }).id;

  for (const [i, org] of ['Northwind Coaching', 'Globex Hiring', 'Initech Bootcamp'].entries()) {
    const n = String(i);
    const owner = await signUp(`Owner ${n}`, `owner${n}@example.com`);
    const member = await signUp(`Member ${n}`, `member${n}@example.com`);
    const team = idOf((await setupCall('POST', '/api/auth/organization/create', { cookie: owner.cookie, origin: BASE }, { name: org, slug: `org-${n}` })).body);
    const invitation = idOf(
      (await setupCall('POST', '/api/auth/organization/invite-member', { cookie: owner.cookie, origin: BASE }, { organizationId: team, email: `member${n}@example.com`, role: 'member' })).body,
    );
    await setupCall('POST', '/api/auth/organization/accept-invitation', { cookie: member.cookie, origin: BASE }, { invitationId: invitation });
    addTenant(team, `O${n}`);
    for (const [who, session] of [['owner', owner], ['member', member]] as const) {
      const me = JSON.parse((await setupCall('GET', '/api/me', { cookie: session.cookie })).body) as { activeOrganizationId: string; organizations: { id: string; kind: string }[] };
      const personal = me.organizations.find((o) => o.kind === 'personal')?.id ?? '';
      assert.deepEqual(new Set(me.organizations.map((o) => o.id)), new Set([personal, team]));
      addTenant(personal, `P${n}${who === 'owner' ? 'a' : 'b'}`);
      users.push({ name: `${who}${n}`, cookie: session.cookie, token: session.token, personal, team, active: me.activeOrganizationId });
    }
  }
  assert.equal(tenants.size, 9);

  const listed = JSON.parse((await setupCall('GET', '/api/questions?limit=200', {})).body) as { items: { id: string; roles: string[] }[] };
  shippedTotal = (JSON.parse((await setupCall('GET', '/api/questions?limit=1', {})).body) as { total: number }).total;
  const roles = JSON.parse((await setupCall('GET', '/api/roles', {})).body) as { items: { id: string; questionCount: number }[] };
  shippedBackend = roles.items.find((r) => r.id === 'backend')?.questionCount ?? 0;
  assert.ok(shippedTotal > 0 && shippedBackend > 0);
  assert.ok(!TEMPLATE_MD.includes(ORG_WORD) && !JSON.stringify(listed).includes(ORG_WORD.toLowerCase()));
  questionPool = [...listed.items.filter((q) => q.roles.includes('backend')).slice(0, 8), ...listed.items.filter((q) => q.roles.includes('sre')).slice(0, 4)].map((q) => q.id);
  assert.ok(questionPool.length >= 8);
});

after(async () => {
  await api?.close().catch(() => undefined);
  await app?.close().catch(() => undefined);
  await db?.stop();
});

describe('tenant isolation over the HTTP API (property-based)', () => {
  it(`random operations by users of three organizations never cross tenants (seed ${String(SEED)}, ${String(RUNS)} runs)`, async (t) => {
    const started = Date.now();
    let runNo = 0;
    let ops = 0;
    let requests = 0;
    t.diagnostic(`fast-check seed ${String(SEED)}, ${String(RUNS)} runs (LOOPCOACH_FC_SEED and LOOPCOACH_FC_RUNS change them)`);
    const details = await fc.check(
      fc.asyncProperty(fc.array(opArb, { minLength: 15, maxLength: 25 }), async (sequence) => {
        runNo++;
        trace = [];
        for (const [i, op] of sequence.entries()) {
          try {
            await run(op);
            ops++;
          } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            throw new Error(`${message}\n  in run ${String(runNo)}, operation ${String(i)}: ${JSON.stringify(op)}\n  this run's requests:\n    ${trace.join('\n    ')}`, {
              cause: err,
            });
          }
        }
        requests += trace.length;
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    if (details.failed) {
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      assert.fail(`isolation property failed (fast-check seed ${String(details.seed)}, path ${details.counterexamplePath ?? '?'}; rerun with LOOPCOACH_FC_SEED=${String(details.seed)}):\n${error}`);
    }
    const counts = [...tenants.values()].map((x) => `${x.label} ${String(x.plans.size)}/${String(x.attempts.size)}/${String(x.sessions.size)}/${String(x.saved.size)}/${String(x.orgQuestions.size)}`);
    t.diagnostic(`${String(ops)} operations (${String(requests)} requests) in ${String(runNo)} runs, ${String(Date.now() - started)} ms`);
    t.diagnostic(`per tenant, plans/attempts/sessions/saved questions/own questions: ${counts.join(', ')}`);
    const sharing = [...shared].map(([kind, c]) => `${kind} ${String(c.shared)}/${String(c.private)}`).join(', ');
    const org = [...answered].map(([kind, byStatus]) => `${kind} ${[...byStatus].sort(([x], [y]) => x - y).map(([status, n]) => `${String(status)}×${String(n)}`).join(' ')}`);
    const owners = new Map<string, number>();
    for (const x of tenants.values()) for (const id of x.orgQuestions.keys()) owners.set(id, (owners.get(id) ?? 0) + 1);
    t.diagnostic(`organization content, first answers: ${org.join(', ')}; question ids in more than one tenant: ${String([...owners.values()].filter((n) => n > 1).length)}`);
    t.diagnostic(`another member's resource in the same organization (or a saved question another member may have removed), answered/404: ${sharing}`);
  });
});
