/**
 * Differential test of every catalogued statement that reads (or updates or deletes) tenant data (issue #5), on a
 * real PostgreSQL server started by the harness: row-level security on against row-level security bypassed.
 *
 * db/query-catalogue.sql lists every statement the app issues, headed `-- <file>:<line> <function>` (the first test
 * checks that it is current, so the statements compared are the ones src/ issues). Each entry is parsed with the real
 * PostgreSQL parser (libpg-query) and, with the tenant relations learned from the migrations
 * (scripts/lib/tenant-sql-rules.ts, as `npm run queries:check` does), every statement on a tenant relation is run:
 *
 *   (a) as production runs it: connected as the server's login role (lc_server), in a transaction that sets
 *       `set_config('role', 'loopcoach_app', true)` and the tenant setting `app.tenant_id` — RLS on;
 *   (b) as the harness's superuser, which bypasses row-level security even where it is FORCEd — RLS off. (The
 *       owner cannot serve here: FORCE ROW LEVEL SECURITY applies to the table owner too.)
 *
 * with the same parameters, against four seeded tenants whose rows collide on purpose (the same plan id and session
 * id in two tenants, the same idempotency key, reviewed, saved and attempted question in all of them). The
 * statements carry their own `tenant_id = $1`; RLS must never be what keeps them inside their tenant, so both runs
 * must return the same rows (compared as multisets, with the same columns). UPDATE and DELETE statements run in
 * transactions that are rolled back: the same number of rows affected, and in (b) no row of another tenant changed.
 * INSERTs are not compared: they name their tenant_id among the values (queries:check requires it), and RLS's WITH
 * CHECK on inserts is proved in test/integration/database-suite.ts. The one statement marked cross-tenant
 * (`/* tenant-check: … *\/`, the platform usage aggregate) runs in (a) as loopcoach_platform, through a login role
 * granted it (PLATFORM_DATABASE_URL's role), as the platform service does, and must equal (b) too.
 *
 * Parameters, by position. A statement whose only parameter is `$1` in `tenant_id = $1` gets the tenant id. Every
 * other statement needs an entry in PARAMS below, keyed `file:line` as in the catalogue, giving parameter lists
 * per seeded tenant: its own ids, ids that collide across tenants, another tenant's ids. The test fails when a
 * tenant statement appears in the catalogue without parameters (so it stays complete as queries are added), when
 * an entry no longer names a tenant statement (the statement moved: update its key), and when a statement returns
 * no row (or affects none) for every parameter list (a comparison of empty results proves nothing). Where a tenant
 * table has a `user_id` column, the seeded rows carry one of two users per tenant, one of whom (SHARED.user) has
 * rows in every tenant.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { loadModule, parseSync } from 'libpg-query';
import pg from 'pg';
import { createSourceProgram, extractQueries, listSourceFiles, renderCatalogue } from '../../scripts/lib/query-catalogue.js';
import { checkParsedSql, tenantRelationsFromMigrations, type StatementReport } from '../../scripts/lib/tenant-sql-rules.js';
import { readMigrations } from '../../src/infra/db/migrate.js';
import { asRole, startServerModeDatabase, type ServerModeDatabase } from '../support/server-mode.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

// ---------------------------------------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------------------------------------
interface CatalogueEntry {
  /** `file:line`, the key of PARAMS. */
  loc: string;
  fn: string;
  sql: string;
}

/** The static statements of db/query-catalogue.sql (dynamic entries have no SQL, only comments). */
function parseCatalogue(text: string): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  let current: { loc: string; fn: string; lines: string[] } | null = null;
  const flush = (): void => {
    if (!current) return;
    const body = current.lines.join('\n').trim();
    const dynamic = current.lines.every((l) => l.trim() === '' || l.startsWith('--'));
    if (!dynamic) entries.push({ loc: current.loc, fn: current.fn, sql: body.replace(/;\s*$/, '') });
    current = null;
  };
  for (const line of text.split('\n')) {
    const header = /^-- (\S+\.ts:\d+) (\S+)$/.exec(line);
    if (header) {
      flush();
      current = { loc: header[1] ?? '', fn: header[2] ?? '', lines: [] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  flush();
  return entries;
}

interface TenantStatement extends CatalogueEntry {
  report: StatementReport;
}

// ---------------------------------------------------------------------------------------------------------------
// Seeded tenants
// ---------------------------------------------------------------------------------------------------------------
/** Ids that more than one tenant uses: a statement that forgets its tenant_id would mix their rows. */
const SHARED = {
  planId: randomUUID(),
  sessionId: randomUUID(),
  key: 'shared-idempotency-key',
  /** Attempted, carded and saved in every tenant (set by the seed from the shipped content). */
  question: '',
  /** A user with rows in every tenant (where tenant tables have a user_id column): one account in many organizations. */
  user: randomUUID(),
  /** An organization question slug (org/shared-question) and role guide slug (org-shared-guide) every tenant has. */
  orgQuestion: 'shared-question',
  orgGuide: 'shared-guide',
};

interface SeedTenant {
  id: string;
  users: string[];
  plans: string[];
  sessions: string[];
  attempts: string[];
  keys: string[];
  cards: string[];
  saved: string[];
  /** Slugs of the tenant's own questions and role guides, besides the shared ones. */
  orgQuestions: string[];
  orgGuides: string[];
}

const tenants: SeedTenant[] = [];
/** Another tenant than `t`: its ids must find nothing in `t`. */
const other = (t: SeedTenant): SeedTenant => {
  const o = tenants[(tenants.indexOf(t) + 1) % tenants.length];
  if (!o) throw new Error('no other tenant');
  return o;
};
const first = (ids: readonly string[]): string => {
  const id = ids[0];
  if (id === undefined) throw new Error('nothing seeded');
  return id;
};

/** Parameter lists per tenant, by position, for the statements that take more than the tenant id. */
type ParamSets = (t: SeedTenant) => unknown[][];

/** The users a statement that takes one (`$2`) is run for: each of the tenant's, nobody (local mode), another tenant's. */
const usersFor = (t: SeedTenant): (string | null)[] => [...t.users, null, other(t).users[0] ?? null];
/** `[tenant, user, ...rest]` for every user of usersFor and every rest. */
const perUser = (t: SeedTenant, rests: unknown[][] = [[]]): unknown[][] => usersFor(t).flatMap((u) => rests.map((rest) => [t.id, u, ...rest]));

/**
 * Keyed `file:line` as in db/query-catalogue.sql; when a statement moves, its key moves with it (the test names
 * both). Each list exercises the tenant's own ids, ids that exist in other tenants too (SHARED), and another
 * tenant's ids; statements that name a user ($2) run for each of the tenant's users, for nobody, and for a user of
 * another tenant.
 */
const PARAMS: Record<string, ParamSets> = {
  // listPlans(tenant, user, limit)
  'src/features/plans/plans.repository.ts:30': (t) => perUser(t, [[200], [1]]),
  // findPlan(tenant, user, id)
  'src/features/plans/plans.repository.ts:40': (t) => perUser(t, [[first(t.plans)], [SHARED.planId], [first(other(t).plans)]]),
  // deletePlan(tenant, user, id)
  'src/features/plans/plans.repository.ts:49': (t) => perUser(t, [[first(t.plans)], [SHARED.planId], [first(other(t).plans)]]),
  // findAttemptByKey(tenant, user, idempotency key)
  'src/features/practice/practice.repository.ts:29': (t) => perUser(t, [[SHARED.key], [first(t.keys)], [first(other(t).keys)]]),
  // findAttempt(tenant, user, id)
  'src/features/practice/practice.repository.ts:48': (t) => perUser(t, [[first(t.attempts)], [first(other(t).attempts)]]),
  // listAttempts(tenant, user, question id or null, limit)
  'src/features/practice/practice.repository.ts:56': (t) => perUser(t, [[null, 50], [SHARED.question, 50], [null, 1]]),
  // attemptFacts(tenant, user, limit)
  'src/features/practice/practice.repository.ts:76': (t) => perUser(t, [[5000], [2]]),
  // lastAttempts(tenant, user)
  'src/features/practice/practice.repository.ts:89': (t) => perUser(t),
  // findCardForUpdate(tenant, user, question id)
  'src/features/practice/practice.repository.ts:105': (t) => perUser(t, [[SHARED.question], [first(t.cards)], [first(other(t).cards)]]),
  // findCard(tenant, user, question id)
  'src/features/practice/practice.repository.ts:113': (t) => perUser(t, [[SHARED.question], [first(t.cards)], [first(other(t).cards)]]),
  // listCards(tenant, user)
  'src/features/practice/practice.repository.ts:129': (t) => perUser(t),
  // findSession(tenant, user, id)
  'src/features/practice/practice.repository.ts:158': (t) => perUser(t, [[first(t.sessions)], [SHARED.sessionId], [first(other(t).sessions)]]),
  // listSessions(tenant, user, limit)
  'src/features/practice/practice.repository.ts:166': (t) => perUser(t, [[100], [1]]),
  // finishSession(tenant, user, id)
  'src/features/practice/practice.repository.ts:175': (t) => perUser(t, [[first(t.sessions)], [SHARED.sessionId], [first(other(t).sessions)]]),
  // sessionAttempts(tenant, user, session id)
  'src/features/practice/practice.repository.ts:185': (t) => perUser(t, [[first(t.sessions)], [SHARED.sessionId], [first(other(t).sessions)]]),
  // countSessionAttempts(tenant, user)
  'src/features/practice/practice.repository.ts:194': (t) => perUser(t),
  // attemptFactsOfUsers(tenant, user ids, limit)
  'src/features/practice/practice.repository.ts:207': (t) => [[t.id, t.users, 5000], [t.id, [SHARED.user], 2], [t.id, [first(other(t).users)], 50]],
  // cardsOfUsers(tenant, user ids)
  'src/features/practice/practice.repository.ts:225': (t) => [[t.id, t.users], [t.id, [SHARED.user]], [t.id, [first(other(t).users)]]],
  // findOrgQuestion / deleteOrgQuestion (tenant, slug)
  'src/features/org-content/org-content.repository.ts:43': (t) => [[t.id, SHARED.orgQuestion], [t.id, first(t.orgQuestions)], [t.id, first(other(t).orgQuestions)]],
  'src/features/org-content/org-content.repository.ts:83': (t) => [[t.id, SHARED.orgQuestion], [t.id, first(t.orgQuestions)], [t.id, first(other(t).orgQuestions)]],
  // updateOrgQuestion(tenant, slug, roles, stage, levels, difficulty, skills, title, prompt, search text, doc, user)
  'src/features/org-content/org-content.repository.ts:72': (t) =>
    [SHARED.orgQuestion, first(t.orgQuestions), first(other(t).orgQuestions)].map((slug) => [t.id, slug, ['backend'], 'system-design', ['senior'], 'hard', ['kafka'], 'Changed', 'Changed prompt', 'changed', { changed: true }, first(t.users)]),
  // findOrgGuide / deleteOrgGuide (tenant, slug)
  'src/features/org-content/org-content.repository.ts:96': (t) => [[t.id, SHARED.orgGuide], [t.id, first(t.orgGuides)], [t.id, first(other(t).orgGuides)]],
  'src/features/org-content/org-content.repository.ts:129': (t) => [[t.id, SHARED.orgGuide], [t.id, first(t.orgGuides)], [t.id, first(other(t).orgGuides)]],
  // updateOrgGuide(tenant, slug, title, summary, doc, user)
  'src/features/org-content/org-content.repository.ts:120': (t) =>
    [SHARED.orgGuide, first(t.orgGuides), first(other(t).orgGuides)].map((slug) => [t.id, slug, 'Changed', 'Changed summary', { changed: true }, first(t.users)]),
  // searchBank(role, stage, level, difficulty, skill, tsquery, tenant, limit, offset) and its count (without the page)
  'src/features/questions/questions.repository.ts:58': (t) => [
    [null, null, null, null, null, null, t.id, 500, 0],
    ['backend', null, null, null, null, null, t.id, 500, 0],
    [null, 'system-design', 'senior', null, null, null, t.id, 500, 0],
    [null, null, null, null, null, 'tenant:*', t.id, 50, 0],
  ],
  'src/features/questions/questions.repository.ts:59': (t) => [
    [null, null, null, null, null, null, t.id],
    ['backend', null, null, null, null, null, t.id],
    [null, null, null, null, null, 'tenant:*', t.id],
  ],
  // bankFacets(tenant, role or null)
  'src/features/questions/questions.repository.ts:95': (t) => [[t.id, null], [t.id, 'backend']],
  // listSaved(tenant, user)
  'src/features/saved/saved.repository.ts:16': (t) => perUser(t),
  // removeSaved(tenant, user, question id)
  'src/features/saved/saved.repository.ts:37': (t) => perUser(t, [[SHARED.question], [first(t.saved)], [first(other(t).saved)]]),
};

/** The statement takes only the tenant id, as `tenant_id = $1`. */
const takesOnlyTheTenant = (sql: string): boolean => {
  const params = new Set([...sql.matchAll(/\$(\d+)/g)].map((m) => m[1]));
  return params.size === 1 && params.has('1') && /\btenant_id\s*=\s*\$1\b/.test(sql);
};

// ---------------------------------------------------------------------------------------------------------------
// Set-up
// ---------------------------------------------------------------------------------------------------------------
let db: ServerModeDatabase | undefined;
let superClient: pg.Client | undefined;
let appClient: pg.Client | undefined;
/** As `lc_platform`, a login role granted loopcoach_platform (PLATFORM_DATABASE_URL's role in production). */
let platformClient: pg.Client | undefined;
/** Catalogued statements on tenant relations that are compared: SELECT, UPDATE, DELETE. */
let statements: TenantStatement[] = [];
let catalogueText = '';
/** INSERTs into tenant tables: not compared (they name their tenant_id; WITH CHECK is proved in database-suite). */
const inserts: string[] = [];
const KINDS = new Set(['SelectStmt', 'UpdateStmt', 'DeleteStmt', 'InsertStmt']);

const clients = (): { sup: pg.Client; app: pg.Client; platform: pg.Client } => {
  if (!superClient || !appClient || !platformClient) throw new Error('not connected');
  return { sup: superClient, app: appClient, platform: platformClient };
};

async function connect(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

/** Inserts a row as the superuser; `user_id` too where the table has that column. */
async function insert(table: string, row: Record<string, unknown>, columns: Map<string, Set<string>>): Promise<void> {
  const has = columns.get(table) ?? new Set<string>();
  const entries = Object.entries(row).filter(([k]) => k !== 'user_id' || has.has('user_id'));
  const sql = `insert into ${table} (${entries.map(([k]) => k).join(', ')}) values (${entries.map((_, i) => `$${String(i + 1)}`).join(', ')})`;
  await clients().sup.query(sql, entries.map(([, v]) => (typeof v === 'object' && v !== null && !(v instanceof Date) ? JSON.stringify(v) : v)));
}

async function seed(): Promise<void> {
  const { sup } = clients();
  const columns = new Map<string, Set<string>>();
  for (const r of (await sup.query<{ table_name: string; column_name: string }>(`select table_name, column_name from information_schema.columns where table_schema = 'public'`)).rows) {
    columns.set(r.table_name, (columns.get(r.table_name) ?? new Set()).add(r.column_name));
  }
  const questions = (await sup.query<{ id: string }>(`select id from content_questions where 'backend' = any(roles) order by id limit 12`)).rows.map((r) => r.id);
  assert.ok(questions.length >= 12, 'the shipped content has the questions the seed uses');
  SHARED.question = questions[11] ?? '';
  const result = (i: number) => ({
    misses: [{ id: `point-${String(i % 3)}` }, { id: 'point-x' }],
    mistakes: [{ id: `mistake-${String(i % 2)}`, mistake: 'rambles' }],
  });

  for (let i = 0; i < 4; i++) {
    const id = randomUUID();
    await sup.query(`insert into tenants (id, slug, name, kind) values ($1, $2, $3, $4)`, [id, `seed-${String(i)}`, `Seed ${String(i)}`, i % 2 ? 'personal' : 'organization']);
    const t: SeedTenant = { id, users: [randomUUID(), SHARED.user], plans: [], sessions: [], attempts: [], keys: [], cards: [], saved: [], orgQuestions: [], orgGuides: [] };
    const user = (n: number): string => t.users[n % t.users.length] ?? '';
    // Tenants 0 and 1 share a plan id and a session id; every tenant uses SHARED.key.
    const planIds = [randomUUID(), randomUUID(), ...(i < 2 ? [SHARED.planId] : [randomUUID()])];
    for (const [n, planId] of planIds.entries()) {
      await insert(
        'plans',
        {
          tenant_id: id,
          id: planId,
          title: `Plan ${String(i)}.${String(n)}`,
          role: 'backend',
          level: 'senior',
          posting: `Posting of tenant ${String(i)}`,
          analysis: { n },
          plan: { stages: [] },
          interview_date: null,
          created_at: new Date(Date.UTC(2025, 0, 1 + n, i)),
          user_id: user(n),
        },
        columns,
      );
      t.plans.push(planId);
    }
    const sessionIds = [randomUUID(), ...(i < 2 ? [SHARED.sessionId] : [randomUUID()])];
    for (const [n, sessionId] of sessionIds.entries()) {
      await insert(
        'practice_sessions',
        {
          tenant_id: id,
          id: sessionId,
          mode: n ? 'mock' : 'practice',
          role: 'backend',
          plan_id: t.plans[0],
          level: 'senior',
          items: questions.slice(0, 3).map((q) => ({ stage: 'coding', questionId: q })),
          created_at: new Date(Date.UTC(2025, 1, 1 + n, i)),
          user_id: user(n),
        },
        columns,
      );
      t.sessions.push(sessionId);
    }
    for (let n = 0; n < 6; n++) {
      const attemptId = randomUUID();
      const key = n === 0 ? SHARED.key : `key-${String(i)}-${String(n)}`;
      await insert(
        'attempts',
        {
          tenant_id: id,
          id: attemptId,
          session_id: n < 4 ? sessionIds[n % 2] : null,
          question_id: n === 5 ? SHARED.question : questions[(i + n) % 4],
          mode: 'practice',
          level: 'senior',
          answer: `Answer ${String(n)} of tenant ${String(i)}`,
          score: 40 + n * 7 + i,
          result: result(n + i),
          duration_seconds: 60 * n,
          idempotency_key: key,
          request_hash: `hash-${String(n)}`,
          created_at: new Date(Date.UTC(2025, 2, 1 + n, i)),
          user_id: user(n),
        },
        columns,
      );
      t.attempts.push(attemptId);
      if (n > 0) t.keys.push(key);
    }
    // SHARED.question is carded and saved in every tenant; each tenant also has questions of its own.
    const carded = [SHARED.question, ...questions.filter((q) => q !== SHARED.question).slice(2 * i, 2 * i + 2)];
    for (const [n, q] of carded.entries()) {
      await insert('review_cards', { tenant_id: id, question_id: q, card: { due: '2025-04-01T00:00:00.000Z', n }, due: new Date(Date.UTC(2025, 3, 1 + n, i)), last_score: 50 + n, user_id: user(n) }, columns);
      if (q !== SHARED.question) t.cards.push(q);
      await insert('saved_questions', { tenant_id: id, question_id: q, note: `note ${String(n)} of tenant ${String(i)}`, created_at: new Date(Date.UTC(2025, 4, 1 + n, i)), user_id: user(n) }, columns);
      if (q !== SHARED.question) t.saved.push(q);
    }
    // The organization's own content: a question and a guide under slugs every tenant uses, and one of each of its own.
    for (const slug of [SHARED.orgQuestion, `own-question-${String(i)}`]) {
      await insert(
        'org_questions',
        {
          tenant_id: id,
          slug,
          // Array literals: insert() sends objects and arrays as JSON (for the jsonb columns).
          roles: '{backend}',
          stage: 'system-design',
          levels: '{senior}',
          difficulty: 'hard',
          skills: '{kafka}',
          title: `Question ${slug} of tenant ${String(i)}`,
          prompt: `The prompt of tenant ${String(i)}`,
          search_text: `tenant ${String(i)} search text`,
          doc: { id: `org/${slug}`, tenant: i },
          created_by: user(0),
          updated_by: user(0),
        },
        columns,
      );
      if (slug !== SHARED.orgQuestion) t.orgQuestions.push(slug);
    }
    for (const slug of [SHARED.orgGuide, `own-guide-${String(i)}`]) {
      await insert('org_role_guides', { tenant_id: id, slug, title: `Guide ${slug} of tenant ${String(i)}`, summary: `Summary of tenant ${String(i)}`, doc: { id: `org-${slug}`, tenant: i }, created_by: user(1), updated_by: user(1) }, columns);
      if (slug !== SHARED.orgGuide) t.orgGuides.push(slug);
    }
    // A saved organization question: the saved list takes its title from the tenant's own question.
    await insert('saved_questions', { tenant_id: id, question_id: `org/${SHARED.orgQuestion}`, note: 'an org question', created_at: new Date(Date.UTC(2025, 5, 1, i)), user_id: user(0) }, columns);
    tenants.push(t);
  }
}

before(async () => {
  await loadModule();
  const migrations = await readMigrations(`${root}migrations`);
  const { tables, views } = tenantRelationsFromMigrations(migrations.map((m) => parseSync(m.sql)));
  const tenantRelations = new Set([...tables, ...views]);
  catalogueText = await readFile(`${root}db/query-catalogue.sql`, 'utf8');
  const catalogue = parseCatalogue(catalogueText);
  assert.ok(catalogue.length > 20, 'db/query-catalogue.sql parsed into its entries');
  statements = [];
  for (const entry of catalogue) {
    const reports = checkParsedSql(parseSync(entry.sql), entry.sql, tenantRelations);
    const onTenant = reports.filter((r) => r.tenantTables.length > 0);
    if (onTenant.length === 0) continue;
    assert.equal(reports.length, 1, `${entry.loc}: one statement per catalogue entry on tenant data`);
    const [report] = onTenant;
    if (!report) continue;
    assert.ok(KINDS.has(report.kind), `${entry.loc}: a ${report.kind} on tenant data; this test compares SELECT, UPDATE and DELETE and knows INSERT`);
    if (report.kind === 'InsertStmt') inserts.push(entry.loc);
    else statements.push({ ...entry, report });
  }

  db = await startServerModeDatabase('differential');
  superClient = await connect(db.superUrl);
  appClient = await connect(db.serverUrl);
  await superClient.query(`create role lc_platform login nosuperuser nobypassrls password 'pw'`);
  await superClient.query('grant loopcoach_platform to lc_platform');
  platformClient = await connect(asRole(db.superUrl, 'lc_platform'));
  await seed();
});

after(async () => {
  for (const c of [superClient, appClient, platformClient]) await c?.end().catch(() => undefined);
  await db?.stop();
});

// ---------------------------------------------------------------------------------------------------------------
// Running a statement both ways
// ---------------------------------------------------------------------------------------------------------------
type Row = Record<string, unknown>;
interface Outcome {
  columns: string[];
  rows: string[];
  rowCount: number;
}
const outcome = (r: pg.QueryResult<Row>): Outcome => ({
  columns: r.fields.map((f) => f.name),
  rows: r.rows.map((row) => JSON.stringify(row)).sort(),
  rowCount: r.rowCount ?? r.rows.length,
});

/** (a): the server's login role, the app role and the tenant setting, in a transaction that is rolled back. */
async function withRls<T>(tenantId: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const { app } = clients();
  await app.query('begin');
  try {
    await app.query(`select set_config('role', 'loopcoach_app', true), set_config('app.tenant_id', $1, true)`, [tenantId]);
    return await fn(app);
  } finally {
    await app.query('rollback');
  }
}

/** (b): the superuser, which bypasses row-level security, in a transaction that is rolled back. */
async function withoutRls<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const { sup } = clients();
  await sup.query('begin');
  try {
    return await fn(sup);
  } finally {
    await sup.query('rollback');
  }
}

/** Every row of `table` outside `tenantId`, as the superuser sees it. */
async function othersRows(c: pg.Client, table: string, tenantId: string): Promise<string[]> {
  const r = await c.query<Row>(`select * from ${table} where tenant_id <> $1`, [tenantId]);
  return r.rows.map((row) => JSON.stringify(row)).sort();
}

function paramSetsFor(s: TenantStatement): ParamSets | null {
  const entry = PARAMS[s.loc];
  if (entry) return entry;
  return takesOnlyTheTenant(s.sql) ? (t) => [[t.id]] : null;
}

describe('differential: every catalogued tenant statement, RLS on vs RLS bypassed', () => {
  it('db/query-catalogue.sql is current: the statements compared are the ones src/ issues', async () => {
    const files = await listSourceFiles(root);
    const { entries } = extractQueries(createSourceProgram(files), files, root);
    assert.ok(renderCatalogue(entries) === catalogueText, 'db/query-catalogue.sql is stale: run "npm run queries:catalogue"');
  });

  it('the harness really bypasses RLS in (b) and enforces it in (a)', async () => {
    const { sup } = clients();
    const [role] = (await sup.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user')).rows;
    assert.equal(role?.rolsuper, true);
    const all = (await sup.query<{ n: number }>('select count(*)::int as n from plans')).rows[0]?.n;
    assert.equal(all, tenants.length * 3);
    const t = tenants[0];
    assert.ok(t);
    const seen = await withRls(t.id, async (c) => {
      const who = (await c.query<{ u: string }>('select current_user as u')).rows[0]?.u;
      const n = (await c.query<{ n: number }>('select count(*)::int as n from plans')).rows[0]?.n;
      return { who, n };
    });
    assert.deepEqual(seen, { who: 'loopcoach_app', n: 3 }, 'as the app role, a query without any WHERE sees its tenant only');
  });

  it('every tenant statement in the catalogue has parameters, and every PARAMS entry names one', (t) => {
    const missing = statements.filter((s) => s.report.exemption === null && paramSetsFor(s) === null).map((s) => `${s.loc} ${s.fn}: ${s.sql.replace(/\s+/g, ' ').slice(0, 100)}`);
    assert.deepEqual(missing, [], 'tenant statements without parameters: add them to PARAMS in test/integration/differential.int.test.ts');
    const known = new Set(statements.map((s) => s.loc));
    const stale = Object.keys(PARAMS).filter((loc) => !known.has(loc));
    assert.deepEqual(stale, [], 'PARAMS entries that name no tenant statement of the catalogue (moved? update the key)');
    const selects = statements.filter((s) => s.report.kind === 'SelectStmt');
    assert.ok(selects.length >= 15, `found ${String(selects.length)} SELECTs on tenant tables`);
    t.diagnostic(`${String(statements.length)} statements on tenant relations compared; ${String(inserts.length)} INSERTs not compared (${inserts.join(', ')})`);
  });

  it('each SELECT returns the same rows with RLS on as with RLS bypassed', async (t) => {
    const selects = statements.filter((s) => s.report.kind === 'SelectStmt' && s.report.exemption === null);
    let runs = 0;
    const unparameterized: string[] = [];
    for (const s of selects) {
      const sets = paramSetsFor(s);
      if (!sets) {
        unparameterized.push(`${s.loc} ${s.fn}`);
        continue;
      }
      let nonEmpty = 0;
      for (const tenant of tenants) {
        const lists: unknown[][] = sets(tenant);
        for (const params of lists) {
          const a: Outcome = await withRls(tenant.id, async (c) => outcome(await c.query<Row>(s.sql, params)));
          const b: Outcome = await withoutRls(async (c) => outcome(await c.query<Row>(s.sql, params)));
          assert.deepEqual(a, b, `${s.loc} ${s.fn} with ${JSON.stringify(params)}: RLS on and RLS bypassed disagree\n${s.sql}`);
          if (b.rows.length > 0) nonEmpty++;
          runs++;
        }
      }
      assert.ok(nonEmpty > 0, `${s.loc} ${s.fn}: no parameter list returns a row, so the comparison proves nothing; seed rows or fix PARAMS`);
    }
    t.diagnostic(`${String(selects.length)} SELECTs, ${String(runs)} comparisons over ${String(tenants.length)} tenants`);
    assert.deepEqual(unparameterized, [], 'SELECTs not compared for want of parameters (see PARAMS)');
  });

  it('each UPDATE and DELETE affects the same rows with RLS on as with RLS bypassed, and no other tenant’s', async (t) => {
    const writes = statements.filter((s) => (s.report.kind === 'UpdateStmt' || s.report.kind === 'DeleteStmt') && s.report.exemption === null);
    let runs = 0;
    const unparameterized: string[] = [];
    for (const s of writes) {
      const sets = paramSetsFor(s);
      if (!sets) {
        unparameterized.push(`${s.loc} ${s.fn}`);
        continue;
      }
      let affected = 0;
      for (const tenant of tenants) {
        const lists: unknown[][] = sets(tenant);
        for (const params of lists) {
          const a: number = await withRls(tenant.id, async (c) => (await c.query(s.sql, params)).rowCount ?? 0);
          const b: number = await withoutRls(async (c): Promise<number> => {
            const before = await Promise.all(s.report.tenantTables.map((table) => othersRows(c, table, tenant.id)));
            const n: number = (await c.query(s.sql, params)).rowCount ?? 0;
            const later = await Promise.all(s.report.tenantTables.map((table) => othersRows(c, table, tenant.id)));
            assert.deepEqual(later, before, `${s.loc} ${s.fn} with ${JSON.stringify(params)}: changed another tenant's rows with RLS bypassed`);
            return n;
          });
          assert.equal(a, b, `${s.loc} ${s.fn} with ${JSON.stringify(params)}: affects ${String(a)} rows with RLS on, ${String(b)} with RLS bypassed`);
          affected += b;
          runs++;
        }
      }
      assert.ok(affected > 0, `${s.loc} ${s.fn}: no parameter list affects a row, so the comparison proves nothing`);
    }
    t.diagnostic(`${String(writes.length)} UPDATE/DELETE statements, ${String(runs)} comparisons (rolled back)`);
    assert.deepEqual(unparameterized, [], 'UPDATE/DELETE statements not compared for want of parameters (see PARAMS)');
  });

  it('the statement marked cross-tenant reads as loopcoach_platform exactly what the superuser reads', async (t) => {
    const marked = statements.filter((s) => s.report.exemption !== null);
    assert.ok(marked.length > 0);
    const { platform } = clients();
    for (const s of marked) {
      assert.ok(!/\$\d/.test(s.sql), `${s.loc}: a marked statement with parameters needs its own case here`);
      await platform.query('begin');
      let a: Outcome;
      try {
        await platform.query('set local role loopcoach_platform');
        a = outcome(await platform.query<Row>(s.sql));
      } finally {
        await platform.query('rollback');
      }
      const b = await withoutRls(async (c) => outcome(await c.query<Row>(s.sql)));
      assert.deepEqual(a, b, `${s.loc} ${s.fn}: loopcoach_platform and the superuser disagree`);
      assert.ok(b.rows.length >= tenants.length);
    }
    t.diagnostic(`${String(marked.length)} marked statement(s): ${marked.map((s) => `${s.loc} ${s.fn}`).join(', ')}`);
  });
});
