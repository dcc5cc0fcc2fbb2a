/**
 * One integration suite, run on both databases the product supports: embedded PGlite and a real PostgreSQL server.
 * Same migrations, same queries, same expectations.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { syncContent } from '../../src/features/content/content.service.js';
import { createOrgContentService, type OrgContentService } from '../../src/features/org-content/org-content.service.js';
import { createQuestionsService, type QuestionsService } from '../../src/features/questions/questions.service.js';
import { createRolesService, type RolesService } from '../../src/features/roles/roles.service.js';
import { createSavedService, type SavedService } from '../../src/features/saved/saved.service.js';
import { createPracticeService, type PracticeService } from '../../src/features/practice/practice.service.js';
import { createScorer } from '../../src/core/scoring/score.js';
import { createPlatformService } from '../../src/features/platform/platform.service.js';
import type { OrganizationRole } from '../../src/features/accounts/roles.js';
import { localActor, type Actor } from '../../src/features/accounts/visibility.js';
import { ensureLocalTenant } from '../../src/features/tenants/tenants.repository.js';
import { loadContent, type LoadedContent } from '../../src/infra/content/load.js';
import { checkTenantCatalog } from '../../src/infra/db/catalog-check.js';
import type { Database } from '../../src/infra/db/database.js';
import { migrate } from '../../src/infra/db/migrate.js';
import { APP_ROLE, withTenant } from '../../src/infra/db/tenant.js';
import { defaultContentDir, migrationsDir } from '../../src/infra/paths.js';
import { parse as parseYaml } from 'yaml';
import { questionSearchText } from '../../src/core/content/search-text.js';
import { parseOrgQuestion, toOrgQuestion } from '../../src/core/content/org-content.js';
import { BANK_TTL_MS } from '../../src/features/org-content/org-content.service.js';
import { insertOrgQuestion } from '../../src/features/org-content/org-content.repository.js';
import { AppError, type ErrorCode } from '../../src/shared/errors.js';
import { aContentDir, aQuestion, aRoleGuide, minimalContent } from '../support/builders.js';

export interface DatabaseFactory {
  /** A fresh, empty database. */
  open(): Promise<Database>;
  teardown?(): Promise<void>;
}

/** The content services over `db` with `content` as the shipped content: each request's bank adds its tenant's own. */
function contentServices(db: Database, content: LoadedContent, clock?: () => number): { orgContent: OrgContentService; questions: QuestionsService; roles: RolesService; saved: SavedService } {
  const orgContent = createOrgContentService({ db, shipped: { questions: content.questions.map((q) => q.value), guides: content.roles.map((r) => r.value) }, ...(clock ? { clock } : {}) });
  return {
    orgContent,
    questions: createQuestionsService({ db, content: orgContent }),
    roles: createRolesService({ content: orgContent }),
    saved: createSavedService({ db, bankOf: orgContent.bankOf }),
  };
}

/** A document the builders make, as an organization's editor sends it: Markdown with `slug` for `id`, or JSON. */
const orgQuestionMd = (overrides: Record<string, unknown> = {}): string => aQuestion({ id: undefined, slug: 'flaky-detector', roles: ['org-testing'], ...overrides });
const orgGuideMd = (overrides: Record<string, unknown> = {}): string => aRoleGuide({ id: undefined, slug: 'testing', ...overrides });
function asJson(md: string, bodyField: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(md);
  assert.ok(m);
  return { ...(parseYaml(m[1] ?? '') as Record<string, unknown>), [bodyField]: (m[2] ?? '').trim() };
}
const orgQuestionJson = (overrides: Record<string, unknown> = {}) => asJson(orgQuestionMd(overrides), 'modelAnswer');
const orgGuideJson = (overrides: Record<string, unknown> = {}) => asJson(orgGuideMd(overrides), 'overview');

/** Rejects with an AppError of `code` (and a message matching `message`). */
async function rejectsWith(p: Promise<unknown>, code: ErrorCode, message?: RegExp): Promise<AppError> {
  let caught: unknown;
  await assert.rejects(p, (e: unknown) => {
    caught = e;
    return true;
  });
  assert.ok(caught instanceof AppError, `expected an AppError, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  if (message) assert.match(caught.message, message);
  return caught;
}

/** A fresh database, migrated, with the shipped content, the local tenant (a) and one other organization (b). */
async function twoTenants(factory: DatabaseFactory, slug: string): Promise<{ db: Database; a: string; b: string; content: LoadedContent }> {
  const db = await factory.open();
  await migrate(db, migrationsDir());
  const content = await loadContent(defaultContentDir());
  await syncContent(db, content);
  const a = await ensureLocalTenant(db);
  const b = randomUUID();
  await db.query(`insert into tenants (id, slug, name, kind) values ($1, $2, 'Other', 'organization')`, [b, slug]);
  return { db, a, b, content };
}

export function runDatabaseSuite(label: string, factory: DatabaseFactory): void {
  describe(`${label}: migrations`, () => {
    let db: Database;
    before(async () => {
      db = await factory.open();
    });
    after(async () => {
      await db.close();
    });

    it('applies every migration once, and a second run applies nothing', async () => {
      const first = await migrate(db, migrationsDir());
      assert.ok(first.applied.includes('0001_init'));
      const second = await migrate(db, migrationsDir());
      assert.deepEqual(second.applied, []);
    });

    it('leaves every tenant table with forced row-level security, a policy and a tenant_id index', async () => {
      assert.deepEqual(await checkTenantCatalog(db), []);
    });

    it('the catalog check names a tenant table that lacks forced RLS', async () => {
      await db.exec(`create table leaky_notes (tenant_id uuid not null, body text)`);
      try {
        const problems = await checkTenantCatalog(db);
        const about = problems.filter((p) => p.object === 'leaky_notes').map((p) => p.problem);
        assert.ok(about.some((p) => /not enabled/.test(p)));
        assert.ok(about.some((p) => /not forced/.test(p)));
        assert.ok(about.some((p) => /no row-level security policy/.test(p)));
        assert.ok(about.some((p) => /no index/.test(p)));
      } finally {
        await db.exec('drop table leaky_notes');
      }
    });

    it('the runtime role can neither bypass RLS nor is it a superuser', async () => {
      const r = await db.query<{ rolsuper: boolean; rolbypassrls: boolean }>('select rolsuper, rolbypassrls from pg_roles where rolname = $1', [APP_ROLE]);
      assert.deepEqual(r.rows, [{ rolsuper: false, rolbypassrls: false }]);
    });
  });

  describe(`${label}: content sync`, () => {
    let db: Database;
    let dir: string;
    before(async () => {
      db = await factory.open();
      await migrate(db, migrationsDir());
      dir = await aContentDir(minimalContent());
    });
    after(async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('writes new content once, and a second sync of the same files rewrites nothing', async () => {
      const first = await syncContent(db, await loadContent(dir));
      assert.deepEqual(first.questions, { inserted: 1, updated: 0, removed: 0, unchanged: 0 });
      assert.deepEqual(first.roles, { inserted: 1, updated: 0, removed: 0, unchanged: 0 });
      const before = await db.query<{ synced_at: Date }>('select synced_at from content_questions');
      const second = await syncContent(db, await loadContent(dir));
      assert.deepEqual(second.questions, { inserted: 0, updated: 0, removed: 0, unchanged: 1 });
      const afterSync = await db.query<{ synced_at: Date }>('select synced_at from content_questions');
      assert.deepEqual(afterSync.rows, before.rows, 'an unchanged row must not be rewritten');
    });

    it('updates a changed file and removes a deleted one', async () => {
      await writeFile(join(dir, 'questions/testing/design-a-flaky-test-detector.md'), aQuestion({ title: 'Design a flaky-test quarantine' }));
      await writeFile(join(dir, 'questions/testing/second.md'), aQuestion({ id: 'testing/second', title: 'A second question' }));
      const changed = await syncContent(db, await loadContent(dir));
      assert.deepEqual(changed.questions, { inserted: 1, updated: 1, removed: 0, unchanged: 0 });
      // What the database now holds (a signed-out visitor's search reads the synced rows).
      const found = await contentServices(db, await loadContent(dir)).questions.search(null, { role: 'testing', limit: 10, offset: 0 });
      assert.deepEqual(found.items.map((q) => [q.id, q.title]).sort(), [['testing/design-a-flaky-test-detector', 'Design a flaky-test quarantine'], ['testing/second', 'A second question']]);
      await rm(join(dir, 'questions/testing/second.md'));
      const removed = await syncContent(db, await loadContent(dir));
      assert.deepEqual(removed.questions, { inserted: 0, updated: 0, removed: 1, unchanged: 1 });
    });

    it('refuses invalid content as a whole and leaves the stored content untouched', async () => {
      await writeFile(join(dir, 'questions/testing/broken.md'), aQuestion({ id: 'testing/broken', difficulty: 'impossible' }));
      await assert.rejects(syncContent(db, await loadContent(dir)), (err: Error) => {
        assert.match(err.message, /questions\/testing\/broken\.md:\d+: difficulty/);
        return true;
      });
      const count = await db.query<{ n: string }>('select count(*) as n from content_questions');
      assert.equal(Number(count.rows[0]?.n), 1);
      await rm(join(dir, 'questions/testing/broken.md'));
    });
  });

  describe(`${label}: questions and role guides (shipped content)`, () => {
    let db: Database;
    let svc: ReturnType<typeof contentServices>;
    before(async () => {
      db = await factory.open();
      await migrate(db, migrationsDir());
      const content = await loadContent(defaultContentDir());
      await syncContent(db, content);
      svc = contentServices(db, content);
    });
    after(async () => {
      await db.close();
    });

    it('finds a question by a word prefix through the stored tsvector', async () => {
      const r = await svc.questions.search(null, { q: 'tenan', limit: 10, offset: 0 });
      assert.ok(r.items.some((q) => q.id === 'backend/multi-tenant-data-isolation'), JSON.stringify(r.items.map((i) => i.id)));
      assert.ok(r.items.every((q) => typeof q.rank === 'number'));
    });

    it('uses the GIN index for full-text search when scans are discouraged', async () => {
      const plan = await db.transaction(async (tx) => {
        await tx.query('set local enable_seqscan = off');
        const r = await tx.query<Record<string, string>>(`explain select id from content_questions where search @@ to_tsquery('english', 'tenant:*')`);
        return r.rows.map((row) => Object.values(row)[0]).join('\n');
      });
      assert.match(plan, /content_questions_search_idx/);
    });

    it('combines filters with search and reports the total before paging', async () => {
      const questions = svc.questions;
      const all = await questions.search(null, { role: 'backend', limit: 200, offset: 0 });
      assert.ok(all.total >= 40, `backend has ${String(all.total)} questions`);
      const page = await questions.search(null, { role: 'backend', limit: 5, offset: 5 });
      assert.equal(page.total, all.total);
      assert.equal(page.items.length, 5);
      const hard = await questions.search(null, { role: 'backend', difficulty: 'hard', level: 'senior', limit: 200, offset: 0 });
      assert.ok(hard.items.length > 0);
      assert.ok(hard.items.every((q) => q.difficulty === 'hard' && q.levels.includes('senior')));
      const past = await questions.search(null, { role: 'backend', limit: 5, offset: 10_000 });
      assert.deepEqual([past.items.length, past.total], [0, all.total]);
    });

    it('treats search operators in user input as plain words', async () => {
      const r = await svc.questions.search(null, { q: "idempot' & | !:* <-> )(", limit: 10, offset: 0 });
      assert.ok(r.items.some((q) => q.id === 'backend/idempotent-payment-api'));
    });

    it('assembles the backend guide with every stage holding at least five questions', async () => {
      const g = await svc.roles.get(null, 'backend');
      assert.ok(g.questionCount >= 40);
      for (const s of g.stages) assert.ok(s.questions.length >= 5, `${s.id} has ${String(s.questions.length)} questions`);
      assert.ok(g.relatedRoles.every((r) => r.title !== r.id), 'related roles resolve to real guides');
    });
  });

  describe(`${label}: tenant isolation under row-level security`, () => {
    let db: Database;
    let a: string;
    let b: string;
    let saved: SavedService;
    before(async () => {
      let content: LoadedContent;
      ({ db, a, b, content } = await twoTenants(factory, 'other'));
      saved = contentServices(db, content).saved;
      await saved.save(localActor(a), 'backend/rate-limiter-design', 'mine');
      await saved.save(localActor(b), 'backend/cache-invalidation', 'theirs');
    });
    after(async () => {
      await db.close();
    });

    it('a tenant sees only its own rows, even with no WHERE clause', async () => {
      const rows = await withTenant(db, a, async (tx) => (await tx.query<{ tenant_id: string }>('select tenant_id from saved_questions')).rows);
      assert.deepEqual(rows.map((r) => r.tenant_id), [a]);
    });

    it('with no tenant set, the runtime role sees nothing', async () => {
      const rows = await db.transaction(async (tx) => {
        await tx.query(`set local role ${APP_ROLE}`);
        return (await tx.query('select * from saved_questions')).rows;
      });
      assert.deepEqual(rows, []);
    });

    it("writing another tenant's row is rejected by the policy", async () => {
      await assert.rejects(
        withTenant(db, a, (tx) => tx.query(`insert into saved_questions (tenant_id, question_id) values ($1, 'backend/isolation-levels')`, [b])),
        /row-level security/,
      );
    });

    it("another tenant's rows can be neither updated nor deleted", async () => {
      const updated = await withTenant(db, a, (tx) => tx.query(`update saved_questions set note = 'hijacked' where tenant_id = $1`, [b]));
      const deleted = await withTenant(db, a, (tx) => tx.query('delete from saved_questions where tenant_id = $1', [b]));
      assert.equal(updated.rowCount, 0);
      assert.equal(deleted.rowCount, 0);
      const theirs = await saved.list(localActor(b));
      assert.deepEqual(theirs.map((s) => [s.questionId, s.note]), [['backend/cache-invalidation', 'theirs']]);
    });

    it("removing another tenant's saved question answers not found", async () => {
      await assert.rejects(saved.remove(localActor(a), 'backend/cache-invalidation'), /not found/);
    });

    it('the tenant setting does not leak past the transaction', async () => {
      await withTenant(db, a, () => Promise.resolve(undefined));
      const r = await db.query<{ v: string | null }>(`select current_setting('app.tenant_id', true) as v`);
      assert.ok(r.rows[0]?.v === '' || r.rows[0]?.v === null);
    });
  });

  describe(`${label}: practice — attempts, reviews, sessions`, () => {
    let db: Database;
    let a: string;
    let b: string;
    let practice: PracticeService;
    let team: string;
    const roles = new Map<string, OrganizationRole>();
    let now = new Date('2026-11-28T09:00:00Z');
    const answer =
      'I would put a token bucket per API key in Redis, because it allows short bursts while bounding the average rate. The check and decrement must be atomic, so a Lua script does both; otherwise two gateways race and both admit the request.';
    before(async () => {
      const t = await twoTenants(factory, 'practice-other');
      ({ db, a, b } = t);
      const content = t.content;
      team = randomUUID();
      await db.query(`insert into tenants (id, slug, name, kind) values ($1, 'practice-team', 'Team', 'organization')`, [team]);
      const questions = content.questions.map((q) => q.value);
      practice = createPracticeService({
        db,
        // The organization used below: who is in it with which role.
        directory: {
          roleOf: (org, user) => Promise.resolve(org === team ? (roles.get(user) ?? null) : null),
          members: (org) => Promise.resolve(org === team ? [...roles].filter(([, r]) => r === 'member').map(([userId]) => ({ userId, name: userId, email: `${userId}@example.com` })) : []),
        },
        bankOf: contentServices(db, content).orgContent.bankOf,
        scorer: createScorer(questions),
        clock: () => now,
      });
    });
    after(async () => {
      await db.close();
    });

    it('records an attempt once per idempotency key, even when the retries race', async () => {
      const key = randomUUID();
      const body = { questionId: 'backend/rate-limiter-design', answer, mode: 'practice' as const };
      const results = await Promise.all([1, 2, 3].map(() => practice.createAttempt(localActor(a), key, body)));
      const ids = new Set(results.map((r) => r.record.id));
      assert.equal(ids.size, 1, 'every retry returns the same attempt');
      assert.equal(results.filter((r) => !r.replayed).length, 1, 'exactly one call recorded it');
      const rows = await withTenant(db, a, async (tx) => (await tx.query('select id from attempts where idempotency_key = $1', [key])).rows);
      assert.equal(rows.length, 1);
      assert.ok(results[0]?.record.score !== undefined && results[0].record.modelAnswer.length > 100);
    });

    it('rejects the same key with a different answer as a conflict', async () => {
      const key = randomUUID();
      await practice.createAttempt(localActor(a), key, { questionId: 'backend/rate-limiter-design', answer, mode: 'practice' });
      await assert.rejects(practice.createAttempt(localActor(a), key, { questionId: 'backend/rate-limiter-design', answer: `${answer} More.`, mode: 'practice' }), /already used/);
    });

    it('moves the review card with every attempt and lists it when due', async () => {
      const first = await practice.createAttempt(localActor(a), randomUUID(), { questionId: 'backend/cache-invalidation', answer: 'I would cache it.', mode: 'practice' });
      assert.equal(first.record.review?.rating, 'again');
      const before = await practice.dueReviews(localActor(a));
      assert.ok(!before.items.some((i) => i.questionId === 'backend/cache-invalidation'), 'not due yet');
      now = new Date(now.getTime() + 3 * 86_400_000);
      const due = await practice.dueReviews(localActor(a));
      assert.ok(due.items.some((i) => i.questionId === 'backend/cache-invalidation'));
      const progress = await practice.progress(localActor(a), { role: 'backend' });
      assert.ok(progress.attempts >= 3);
      assert.ok(progress.due.some((d) => d.questionId === 'backend/cache-invalidation'));
      assert.ok(progress.readiness.some((r) => r.practised > 0));
    });

    it('runs a mock loop: one question per stage, a scorecard that fills in as stages are answered', async () => {
      const s = await practice.createSession(localActor(a), { mode: 'mock', role: 'backend', level: 'senior', count: 5 });
      const stages = new Set(s.items.map((i) => i.stage));
      assert.equal(stages.size, s.items.length);
      assert.ok(s.items.length >= 5);
      const first = s.items[0];
      assert.ok(first);
      await practice.createAttempt(localActor(a), randomUUID(), { questionId: first.questionId, answer, mode: 'mock', sessionId: s.id });
      const after = await practice.getSession(localActor(a), s.id);
      assert.notEqual(after.scorecard.stages[0]?.score, null);
      assert.match(after.scorecard.overall.summary, /1 of/);
      await assert.rejects(practice.createAttempt(localActor(a), randomUUID(), { questionId: 'backend/not-in-session', answer, mode: 'mock', sessionId: s.id }), /not found|not part/);
    });

    it("keeps attempts, cards and sessions to their tenant", async () => {
      assert.deepEqual((await practice.listAttempts(localActor(b), { limit: 50 })).length, 0);
      assert.deepEqual((await practice.dueReviews(localActor(b))).items, []);
      const mine = (await practice.listAttempts(localActor(a), { limit: 1 }))[0];
      assert.ok(mine);
      await assert.rejects(practice.getAttempt(localActor(b), mine.id), /not found/);
      const sessions = await practice.listSessions(localActor(a));
      await assert.rejects(practice.getSession(localActor(b), sessions[0]?.id ?? randomUUID()), /not found/);
      const other = await withTenant(db, b, async (tx) => (await tx.query('select count(*)::int as n from attempts')).rows[0]);
      assert.deepEqual(other, { n: 0 });
    });

    it('inside a tenant, each user has their own attempts, review cards, sessions and idempotency keys; a coach only reads them', async () => {
      const [u1, u2, coachId] = [randomUUID(), randomUUID(), randomUUID()];
      roles.set(u1, 'member').set(u2, 'member').set(coachId, 'coach');
      const member1: Actor = { tenantId: team, userId: u1, role: 'member' };
      const member2: Actor = { tenantId: team, userId: u2, role: 'member' };
      const coach: Actor = { tenantId: team, userId: coachId, role: 'coach' };
      const body = { questionId: 'backend/rate-limiter-design', answer, mode: 'practice' as const };
      const key = randomUUID();
      const first = await practice.createAttempt(member1, key, body);
      const second = await practice.createAttempt(member2, key, body);
      assert.equal(second.replayed, false, 'another user’s key is not a replay');
      assert.notEqual(second.record.id, first.record.id);
      assert.equal((await practice.createAttempt(member1, key, body)).record.id, first.record.id, 'one’s own key still replays');
      await practice.createAttempt(member1, randomUUID(), body);
      // One card per user and question: the second attempt moved member1's card, not a shared one.
      const cards = await withTenant(db, team, async (tx) => (await tx.query<{ user_id: string; n: number }>('select user_id, count(*)::int as n from review_cards group by user_id order by user_id')).rows);
      assert.deepEqual(cards, [{ user_id: u1, n: 1 }, { user_id: u2, n: 1 }].sort((x, y) => x.user_id.localeCompare(y.user_id)));
      assert.equal((await practice.listAttempts(member1, { limit: 50 })).length, 2);
      assert.equal((await practice.listAttempts(member2, { limit: 50 })).length, 1);
      await assert.rejects(practice.getAttempt(member2, first.record.id), /attempt .* not found/);
      await assert.rejects(practice.listAttempts(member2, { limit: 50, userId: u1 }), /user .* not found/);
      const session = await practice.createSession(member1, { mode: 'practice', role: 'backend', level: 'senior', count: 2 });
      await assert.rejects(practice.finishSession(member2, session.id), /not found/);
      await assert.rejects(practice.createAttempt(member2, randomUUID(), { ...body, questionId: session.items[0]?.questionId ?? '', sessionId: session.id }), /not found/);
      // The coach reads member1's data by naming them, and none of it is the coach's own.
      assert.equal((await practice.listAttempts(coach, { limit: 50, userId: u1 })).length, 2);
      assert.equal((await practice.getAttempt(coach, first.record.id, { userId: u1 })).id, first.record.id);
      assert.equal((await practice.getSession(coach, session.id, { userId: u1 })).id, session.id);
      assert.equal((await practice.progress(coach, { userId: u1 })).attempts, 2);
      assert.equal((await practice.listAttempts(coach, { limit: 50 })).length, 0);
      await assert.rejects(practice.finishSession(coach, session.id), /not found/);
      await assert.rejects(practice.listAttempts(coach, { limit: 50, userId: randomUUID() }), /not found/);
      const overview = await practice.membersProgress(coach, {});
      assert.deepEqual(
        overview.items.map((m) => [m.userId, m.attempts]).sort(),
        [[u1, 2], [u2, 1]].sort(),
      );
      await assert.rejects(practice.membersProgress(member1, {}), /owners and coaches/);
      await assert.rejects(practice.membersProgress(localActor(a), {}), /local mode/);
      // Local mode's rows (no user) are apart from every user's.
      assert.ok((await practice.listAttempts(localActor(a), { limit: 200 })).every((x) => x.id !== first.record.id));
    });
  });

  describe(`${label}: an organization’s own questions and role guides`, () => {
    let db: Database;
    let a: string;
    let b: string;
    let svc: ReturnType<typeof contentServices>;
    let practice: PracticeService;
    let clockMs = Date.parse('2026-11-28T09:00:00Z');
    let practiceNow = new Date('2026-11-28T09:00:00Z');
    let local: Actor;
    let ownerB: Actor;
    let coachB: Actor;
    let memberB: Actor;
    const ZEPPELIN = 'org/zeppelin-telemetry';
    const zeppelin = {
      slug: 'zeppelin-telemetry',
      roles: ['backend'],
      stage: 'system-design',
      levels: ['senior', 'staff'],
      title: 'Design the zeppelin fleet telemetry backend',
      prompt: 'Design the backend that ingests telemetry from four hundred zeppelins every second and alerts the crew.',
    };
    const answer =
      'I would keep the history signal for every airship and another history phrase per sensor, then quarantine signal noisy sensors so the quarantine stays small. The signal signal drives alerts, and another signal phrase explains them.';

    before(async () => {
      let content: LoadedContent;
      ({ db, a, b, content } = await twoTenants(factory, 'org-content-other'));
      svc = contentServices(db, content, () => clockMs);
      practice = createPracticeService({
        db,
        directory: { roleOf: () => Promise.resolve(null), members: () => Promise.resolve([]) },
        bankOf: svc.orgContent.bankOf,
        scorer: createScorer(content.questions.map((q) => q.value)),
        clock: () => practiceNow,
      });
      local = localActor(a);
      ownerB = { tenantId: b, userId: randomUUID(), role: 'owner' };
      coachB = { tenantId: b, userId: randomUUID(), role: 'coach' };
      memberB = { tenantId: b, userId: randomUUID(), role: 'member' };
    });
    after(async () => {
      await db.close();
    });

    it('creates, lists, reads, replaces and deletes a guide and questions, as JSON and as Markdown', async () => {
      const guide = await svc.orgContent.createGuide(local, { json: orgGuideJson() });
      assert.deepEqual([guide.id, guide.slug, guide.guide.id, guide.createdBy], ['org-testing', 'testing', 'org-testing', null]);
      assert.match(guide.markdown, /^slug: testing$/m);

      const q = await svc.orgContent.createQuestion(local, { markdown: orgQuestionMd() });
      assert.deepEqual([q.id, q.slug, q.question.id, q.question.roles], ['org/flaky-detector', 'flaky-detector', 'org/flaky-detector', ['org-testing']]);
      assert.match(q.question.modelAnswer, /model answer/);
      const z = await svc.orgContent.createQuestion(local, { json: orgQuestionJson(zeppelin) });
      assert.equal(z.id, ZEPPELIN);

      const list = await svc.orgContent.listQuestions(local);
      assert.deepEqual(list.map((i) => [i.id, i.slug, i.title, i.roles, i.stage]), [
        ['org/flaky-detector', 'flaky-detector', 'Design a flaky test detector', ['org-testing'], 'design'],
        [ZEPPELIN, 'zeppelin-telemetry', zeppelin.title, ['backend'], 'system-design'],
      ]);
      assert.deepEqual((await svc.orgContent.listGuides(local)).map((g) => [g.id, g.slug, g.title, g.stageCount]), [['org-testing', 'testing', 'Test Engineer', 2]]);

      // What an editor reads back is what it wrote; its Markdown writes it again unchanged.
      const read = await svc.orgContent.getQuestion(local, 'flaky-detector');
      assert.deepEqual(read.question, q.question);
      const same = await svc.orgContent.replaceQuestion(local, 'flaky-detector', { markdown: read.markdown });
      assert.deepEqual(same.question, q.question);
      assert.deepEqual((await svc.orgContent.getGuide(local, 'testing')).guide, guide.guide);

      const renamed = await svc.orgContent.replaceQuestion(local, 'flaky-detector', { json: orgQuestionJson({ title: 'Detect and quarantine flaky tests' }) });
      assert.equal(renamed.question.title, 'Detect and quarantine flaky tests');
      assert.equal(renamed.createdAt, q.createdAt);
      assert.ok(renamed.updatedAt >= q.updatedAt);
      const retitled = await svc.orgContent.replaceGuide(local, 'testing', { markdown: orgGuideMd({ title: 'Quality Engineer' }) });
      assert.equal(retitled.guide.title, 'Quality Engineer');
      assert.equal((await svc.orgContent.getGuide(local, 'testing')).guide.title, 'Quality Engineer');

      const extra = await svc.orgContent.createQuestion(local, { json: orgQuestionJson({ slug: 'short-lived' }) });
      await svc.orgContent.deleteQuestion(local, extra.slug);
      await rejectsWith(svc.orgContent.getQuestion(local, 'short-lived'), 'NOT_FOUND', /org\/short-lived/);
      await rejectsWith(svc.orgContent.deleteQuestion(local, 'short-lived'), 'NOT_FOUND');
      await rejectsWith(svc.orgContent.replaceQuestion(local, 'never-was', { json: orgQuestionJson({ slug: 'never-was' }) }), 'NOT_FOUND');
      await rejectsWith(svc.orgContent.deleteGuide(local, 'never-was'), 'NOT_FOUND');
      assert.equal((await svc.orgContent.listQuestions(local)).length, 2);
    });

    it('shows the tenant’s questions in search, text search and facets, marked as the organization’s', async () => {
      const own = await svc.questions.search(local, { role: 'org-testing', limit: 50, offset: 0 });
      assert.deepEqual([own.total, own.items.map((i) => [i.id, i.source])], [1, [['org/flaky-detector', 'organization']]]);

      const text = await svc.questions.search(local, { q: 'zeppeli', limit: 10, offset: 0 });
      assert.deepEqual(text.items.map((i) => [i.id, i.source]), [[ZEPPELIN, 'organization']]);
      assert.equal(typeof text.items[0]?.rank, 'number');
      // A word only in the indexed framework text (not the title or prompt) finds it too.
      const deep = await svc.questions.search(local, { q: 'quarantine signal', limit: 50, offset: 0 });
      assert.ok(deep.items.some((i) => i.id === ZEPPELIN), JSON.stringify(deep.items.map((i) => i.id)));

      const shippedBackend = await svc.questions.search(null, { role: 'backend', limit: 200, offset: 0 });
      const bankBackend = await svc.questions.search(local, { role: 'backend', limit: 200, offset: 0 });
      assert.equal(bankBackend.total, shippedBackend.total + 1);
      assert.deepEqual(bankBackend.items.filter((i) => i.source === 'organization').map((i) => i.id), [ZEPPELIN]);
      assert.ok(bankBackend.items.filter((i) => i.id !== ZEPPELIN).every((i) => i.source === 'shipped'));
      const seniorHard = await svc.questions.search(local, { role: 'backend', level: 'staff', difficulty: 'medium', skill: 'testing', limit: 200, offset: 0 });
      assert.ok(seniorHard.items.some((i) => i.id === ZEPPELIN));
      const past = await svc.questions.search(local, { role: 'backend', limit: 5, offset: 10_000 });
      assert.deepEqual([past.items.length, past.total], [0, bankBackend.total]);

      const facets = await svc.questions.facets(local, 'org-testing');
      assert.equal(facets.total, 1);
      assert.deepEqual(facets.roles.map((r) => [r.id, r.title, r.count]), [['org-testing', 'Quality Engineer', 1]]);
      assert.deepEqual(facets.stages.map((st) => [st.id, st.count]), [['design', 1]]);
      assert.equal(typeof facets.stages[0]?.name, 'string');
      const all = await svc.questions.facets(local);
      const shipped = await svc.questions.facets(null);
      assert.equal(all.total, shipped.total + 2);
      assert.equal(all.roles.find((r) => r.id === 'backend')?.count, (shipped.roles.find((r) => r.id === 'backend')?.count ?? 0) + 1);

      const detail = await svc.questions.get(local, 'org/flaky-detector');
      assert.deepEqual([detail.source, detail.title], ['organization', 'Detect and quarantine flaky tests']);
      assert.ok(!('modelAnswer' in detail));
      assert.match((await svc.questions.modelAnswer(local, 'org/flaky-detector')).modelAnswer, /model answer/);
      assert.equal((await svc.questions.get(local, 'backend/rate-limiter-design')).source, 'shipped');
      assert.deepEqual((await svc.questions.searchFull(local, { q: 'zeppeli', limit: 10, offset: 0 })).map((q) => q.id), [ZEPPELIN]);
    });

    it('shows them in the role guides: its own guide with its questions, and a shipped guide with its question', async () => {
      const ownGuide = await svc.roles.get(local, 'org-testing');
      assert.deepEqual([ownGuide.source, ownGuide.title, ownGuide.questionCount], ['organization', 'Quality Engineer', 1]);
      assert.deepEqual(ownGuide.stages.map((st) => [st.id, st.questions.map((q) => [q.id, q.source])]), [
        ['screen', []],
        ['design', [['org/flaky-detector', 'organization']]],
      ]);

      const backendShipped = await svc.roles.get(null, 'backend');
      const backend = await svc.roles.get(local, 'backend');
      assert.equal(backend.source, 'shipped');
      assert.equal(backend.questionCount, backendShipped.questionCount + 1);
      const design = backend.stages.find((st) => st.id === 'system-design');
      assert.deepEqual(design?.questions.filter((q) => q.source === 'organization').map((q) => q.id), [ZEPPELIN]);

      const list = await svc.roles.list(local);
      const mine = list.find((r) => r.id === 'org-testing');
      assert.deepEqual([mine?.source, mine?.questionCount], ['organization', 1]);
      assert.ok(list.filter((r) => r.id !== 'org-testing').every((r) => r.source === 'shipped'));
      assert.equal(list.find((r) => r.id === 'backend')?.questionCount, backend.questionCount);
    });

    it('shows none of it to another tenant, nor to a signed-out visitor', async () => {
      for (const viewer of [ownerB, memberB, null]) {
        const who = viewer === null ? 'signed out' : viewer.role;
        assert.deepEqual((await svc.questions.search(viewer, { q: 'zeppeli', limit: 10, offset: 0 })).items, [], who);
        assert.equal((await svc.questions.search(viewer, { role: 'org-testing', limit: 10, offset: 0 })).total, 0, who);
        const backend = await svc.questions.search(viewer, { role: 'backend', limit: 200, offset: 0 });
        assert.ok(backend.items.every((i) => i.source === 'shipped'), who);
        await rejectsWith(svc.questions.get(viewer, 'org/flaky-detector'), 'NOT_FOUND');
        await rejectsWith(svc.questions.modelAnswer(viewer, ZEPPELIN), 'NOT_FOUND');
        await rejectsWith(svc.roles.get(viewer, 'org-testing'), 'NOT_FOUND');
        assert.ok(!(await svc.roles.list(viewer)).some((r) => r.source === 'organization'), who);
        assert.ok(!(await svc.roles.get(viewer, 'backend')).stages.some((st) => st.questions.some((q) => q.id === ZEPPELIN)), who);
        assert.ok(!(await svc.questions.facets(viewer)).roles.some((r) => r.id === 'org-testing'), who);
        await rejectsWith(practice.question(viewer, ZEPPELIN), 'NOT_FOUND');
        await rejectsWith(practice.score(viewer, ZEPPELIN, answer), 'NOT_FOUND');
      }
      assert.deepEqual(await svc.orgContent.listQuestions(ownerB), []);
      assert.deepEqual(await svc.orgContent.listGuides(ownerB), []);
    });

    it('another tenant’s slug is not found; the same slug is another tenant’s own question', async () => {
      await rejectsWith(svc.orgContent.getQuestion(ownerB, 'zeppelin-telemetry'), 'NOT_FOUND');
      await rejectsWith(svc.orgContent.getGuide(ownerB, 'testing'), 'NOT_FOUND');
      await rejectsWith(svc.orgContent.replaceQuestion(ownerB, 'zeppelin-telemetry', { json: orgQuestionJson({ ...zeppelin, title: 'Hijacked by the other tenant' }) }), 'NOT_FOUND');
      await rejectsWith(svc.orgContent.replaceGuide(ownerB, 'testing', { json: orgGuideJson({ title: 'Hijacked' }) }), 'NOT_FOUND');
      await rejectsWith(svc.orgContent.deleteQuestion(ownerB, 'zeppelin-telemetry'), 'NOT_FOUND');
      await rejectsWith(svc.orgContent.deleteGuide(ownerB, 'testing'), 'NOT_FOUND');
      // b cannot point at a's guide either: it does not exist for b.
      const e = await rejectsWith(svc.orgContent.createQuestion(ownerB, { json: orgQuestionJson() }), 'BAD_REQUEST', /no role guide "org-testing"/);
      assert.deepEqual(e.details, ['roles[0]: no role guide "org-testing" exists']);

      const theirs = await svc.orgContent.createQuestion(ownerB, { json: orgQuestionJson({ ...zeppelin, title: 'The other tenant’s zeppelin question' }) });
      assert.equal(theirs.id, ZEPPELIN);
      assert.equal(theirs.createdBy, ownerB.userId);
      assert.equal((await svc.questions.get(ownerB, ZEPPELIN)).title, 'The other tenant’s zeppelin question');
      assert.equal((await svc.questions.get(local, ZEPPELIN)).title, zeppelin.title);
      assert.equal((await svc.orgContent.getQuestion(local, 'zeppelin-telemetry')).question.title, zeppelin.title);
      await svc.orgContent.deleteQuestion(ownerB, 'zeppelin-telemetry');
      assert.equal((await svc.questions.get(local, ZEPPELIN)).title, zeppelin.title, 'deleting theirs leaves ours');
    });

    it('practice: an attempt at an organization’s question is scored, moves its review card, and shows its title', async () => {
      const preview = await practice.score(local, ZEPPELIN, answer);
      assert.equal(preview.questionId, ZEPPELIN);
      assert.deepEqual([...preview.hits.map((h) => h.id), ...preview.misses.map((m) => m.id)].sort(), ['history', 'quarantine', 'signal']);
      assert.equal((await practice.question(local, ZEPPELIN)).title, zeppelin.title);

      const first = await practice.createAttempt(local, randomUUID(), { questionId: ZEPPELIN, answer, mode: 'practice' });
      assert.equal(first.record.questionTitle, zeppelin.title);
      assert.equal(first.record.score, preview.score);
      assert.equal(first.record.level, 'senior');
      assert.match(first.record.modelAnswer, /model answer/);
      assert.ok(first.record.review);
      const cardOf = async () =>
        withTenant(db, a, async (tx) => (await tx.query<{ reps: number; due: Date }>(`select (card->>'reps')::int as reps, due from review_cards where question_id = $1`, [ZEPPELIN])).rows);
      const [card1] = await cardOf();
      assert.equal(card1?.reps, 1);

      practiceNow = new Date(new Date(first.record.review.due).getTime() + 86_400_000);
      const due = await practice.dueReviews(local);
      assert.deepEqual(due.items.filter((i) => i.questionId === ZEPPELIN).map((i) => [i.title, i.stage]), [[zeppelin.title, 'system-design']]);

      const second = await practice.createAttempt(local, randomUUID(), { questionId: ZEPPELIN, answer, mode: 'practice' });
      const cards = await cardOf();
      assert.equal(cards.length, 1, 'one card per question');
      assert.equal(cards[0]?.reps, 2);
      assert.ok(new Date(cards[0].due).getTime() > new Date(card1.due).getTime(), 'the card moved');
      assert.equal(second.record.review?.due, new Date(cards[0].due).toISOString());

      const attempts = await practice.listAttempts(local, { limit: 10, questionId: ZEPPELIN });
      assert.deepEqual(attempts.map((x) => x.questionTitle), [zeppelin.title, zeppelin.title]);
      assert.equal((await practice.getAttempt(local, first.record.id)).questionTitle, zeppelin.title);
      const progress = await practice.progress(local, { role: 'backend' });
      assert.ok(progress.attempts >= 2);

      // Another tenant cannot attempt it (it is not in their bank).
      await rejectsWith(practice.createAttempt(ownerB, randomUUID(), { questionId: ZEPPELIN, answer, mode: 'practice' }), 'NOT_FOUND');
    });

    it('practice: a session on the organization’s own role picks its questions', async () => {
      const s = await practice.createSession(local, { mode: 'practice', role: 'org-testing', level: 'mid', count: 3 });
      assert.deepEqual(s.items.map((i) => [i.questionId, i.title, i.stageName]), [['org/flaky-detector', 'Detect and quarantine flaky tests', 'Design']]);
    });

    it('saved questions list the organization’s question with its title; another tenant cannot save it', async () => {
      const saved = await svc.saved.save(local, 'org/flaky-detector', 'ask the QA lead');
      assert.deepEqual([saved.questionId, saved.title, saved.note], ['org/flaky-detector', 'Detect and quarantine flaky tests', 'ask the QA lead']);
      await svc.saved.save(local, 'backend/rate-limiter-design', '');
      const list = await svc.saved.list(local);
      assert.equal(list.find((x) => x.questionId === 'org/flaky-detector')?.title, 'Detect and quarantine flaky tests');
      assert.ok(list.find((x) => x.questionId === 'backend/rate-limiter-design')?.title);
      await rejectsWith(svc.saved.save(ownerB, 'org/flaky-detector', 'mine now'), 'NOT_FOUND');
    });

    it('owners, coaches and local mode write; members list and read it beside the shipped content, but do not edit', async () => {
      const guide = await svc.orgContent.createGuide(coachB, { json: orgGuideJson({ slug: 'support', title: 'Support Engineer' }) });
      assert.deepEqual([guide.id, guide.createdBy, guide.updatedBy], ['org-support', coachB.userId, coachB.userId]);
      const q = await svc.orgContent.createQuestion(ownerB, { json: orgQuestionJson({ slug: 'triage', roles: ['org-support'], title: 'Triage a flood of support tickets' }) });
      const replaced = await svc.orgContent.replaceQuestion(coachB, 'triage', { json: orgQuestionJson({ slug: 'triage', roles: ['org-support'], title: 'Triage a flood of tickets' }) });
      assert.deepEqual([replaced.createdBy, replaced.updatedBy], [ownerB.userId, coachB.userId]);

      const input = { json: orgQuestionJson({ slug: 'by-a-member', roles: ['org-support'] }) };
      await rejectsWith(svc.orgContent.createQuestion(memberB, input), 'FORBIDDEN', /owners and coaches/);
      await rejectsWith(svc.orgContent.createQuestion(memberB, { markdown: orgQuestionMd({ slug: 'by-a-member', roles: ['org-support'] }) }), 'FORBIDDEN');
      await rejectsWith(svc.orgContent.replaceQuestion(memberB, 'triage', { json: orgQuestionJson({ slug: 'triage', roles: ['org-support'] }) }), 'FORBIDDEN');
      await rejectsWith(svc.orgContent.deleteQuestion(memberB, 'triage'), 'FORBIDDEN');
      await rejectsWith(svc.orgContent.createGuide(memberB, { json: orgGuideJson({ slug: 'by-a-member' }) }), 'FORBIDDEN');
      await rejectsWith(svc.orgContent.replaceGuide(memberB, 'support', { json: orgGuideJson({ slug: 'support' }) }), 'FORBIDDEN');
      await rejectsWith(svc.orgContent.deleteGuide(memberB, 'support'), 'FORBIDDEN');
      await rejectsWith(svc.orgContent.getQuestion(memberB, 'triage'), 'FORBIDDEN');
      await rejectsWith(svc.orgContent.getGuide(memberB, 'support'), 'FORBIDDEN');
      // An invalid document from a member is still refused for who they are, not for what they sent.
      await rejectsWith(svc.orgContent.createQuestion(memberB, { json: { slug: 'x' } }), 'FORBIDDEN');

      assert.deepEqual((await svc.orgContent.listQuestions(memberB)).map((x) => x.id), [q.id]);
      assert.deepEqual((await svc.orgContent.listGuides(memberB)).map((x) => x.id), ['org-support']);
      assert.equal((await svc.questions.get(memberB, 'org/triage')).title, 'Triage a flood of tickets');
      assert.equal((await svc.roles.get(memberB, 'org-support')).questionCount, 1);
      assert.equal((await svc.orgContent.getQuestion(ownerB, 'triage')).question.title, 'Triage a flood of tickets');
      // Nothing of b's reached a.
      await rejectsWith(svc.questions.get(local, 'org/triage'), 'NOT_FOUND');
    });

    it('refuses a duplicate slug, a replacement under another slug, invalid content, and a broken cross-reference', async () => {
      await rejectsWith(svc.orgContent.createQuestion(local, { json: orgQuestionJson() }), 'CONFLICT', /already has a question "org\/flaky-detector"/);
      await rejectsWith(svc.orgContent.createGuide(local, { markdown: orgGuideMd() }), 'CONFLICT', /already has a role guide "org-testing"/);

      await rejectsWith(svc.orgContent.replaceQuestion(local, 'flaky-detector', { json: orgQuestionJson({ slug: 'renamed' }) }), 'BAD_REQUEST', /slug: "renamed" does not match/);
      await rejectsWith(svc.orgContent.replaceQuestion(local, 'flaky-detector', { markdown: orgQuestionMd({ slug: 'renamed' }) }), 'BAD_REQUEST', /does not match/);
      await rejectsWith(svc.orgContent.replaceGuide(local, 'testing', { json: orgGuideJson({ slug: 'renamed' }) }), 'BAD_REQUEST', /slug: "renamed" does not match/);
      await rejectsWith(svc.orgContent.getQuestion(local, 'renamed'), 'NOT_FOUND');
      assert.equal((await svc.orgContent.getQuestion(local, 'flaky-detector')).question.title, 'Detect and quarantine flaky tests');

      const bad = await rejectsWith(svc.orgContent.createQuestion(local, { markdown: orgQuestionMd({ slug: 'bad', difficulty: 'brutal' }) }), 'BAD_REQUEST', /question is invalid/);
      assert.equal(bad.details.length, 1);
      assert.match(bad.details[0] ?? '', /^line \d+: difficulty: /);
      const badJson = await rejectsWith(svc.orgContent.createQuestion(local, { json: orgQuestionJson({ slug: 'Bad Slug', timeBudgetMinutes: 500 }) }), 'BAD_REQUEST');
      assert.deepEqual(badJson.details.map((d) => d.split(':')[0]).sort(), ['slug', 'timeBudgetMinutes']);
      const stage = await rejectsWith(svc.orgContent.createQuestion(local, { json: orgQuestionJson({ slug: 'bad', stage: 'coding' }) }), 'BAD_REQUEST');
      assert.match(stage.details[0] ?? '', /^stage: stage "coding" is not in the org-testing loop/);
      const levels = await rejectsWith(svc.orgContent.createQuestion(local, { json: orgQuestionJson({ slug: 'bad', levels: ['intern'] }) }), 'BAD_REQUEST');
      assert.match(levels.details[0] ?? '', /^levels: none of the levels \(intern\)/);
      await rejectsWith(svc.orgContent.createGuide(local, { json: orgGuideJson({ slug: 'lonely', relatedRoles: [{ id: 'org-nowhere', why: 'A role that the organization never wrote down.' }] }) }), 'BAD_REQUEST', /relatedRoles\[0\]\.id: no role guide "org-nowhere"/);
      await rejectsWith(svc.orgContent.getGuide(local, 'lonely'), 'NOT_FOUND');

      // A guide change that would break one of its questions, and deleting a guide its questions or guides use.
      const stages = (await svc.orgContent.getGuide(local, 'testing')).guide.stages;
      await rejectsWith(
        svc.orgContent.replaceGuide(local, 'testing', { json: orgGuideJson({ title: 'Quality Engineer', stages: stages.map((st) => (st.id === 'design' ? { ...st, id: 'architecture' } : st)) }) }),
        'BAD_REQUEST',
        /question org\/flaky-detector .* would break/,
      );
      assert.deepEqual((await svc.orgContent.getGuide(local, 'testing')).guide.stages, stages);
      await rejectsWith(svc.orgContent.deleteGuide(local, 'testing'), 'CONFLICT', /used by 1 of the organization’s questions \(org\/flaky-detector\)/);
      await svc.orgContent.createGuide(local, { json: orgGuideJson({ slug: 'qa-lead', title: 'QA Lead', relatedRoles: [{ id: 'org-testing', why: 'QA leads are interviewed on the same design skills.' }] }) });
      await svc.orgContent.deleteQuestion(local, 'flaky-detector');
      await rejectsWith(svc.orgContent.deleteGuide(local, 'testing'), 'CONFLICT', /related role of org-qa-lead/);
      await svc.orgContent.deleteGuide(local, 'qa-lead');
      await svc.orgContent.deleteGuide(local, 'testing');
      await rejectsWith(svc.roles.get(local, 'org-testing'), 'NOT_FOUND');
      // The attempts and saved entry at a removed question stay, under its id.
      const kept = (await svc.saved.list(local)).find((x) => x.questionId === 'org/flaky-detector');
      assert.ok(kept, 'the saved entry stays');
      assert.equal(kept.title, null);
      assert.ok((await practice.listAttempts(local, { limit: 50 })).some((x) => x.questionId === ZEPPELIN));
    });

    it('a write is visible at once (the bank cache is dropped), while a change behind its back waits for the cache to expire', async () => {
      const before = await svc.orgContent.bankOf(local);
      assert.equal(await svc.orgContent.bankOf(local), before, 'cached');
      // Written behind the service's back (another server process, say): this process sees it only after the TTL.
      const sneaky = toOrgQuestion((() => {
        const r = parseOrgQuestion(orgQuestionJson({ ...zeppelin, slug: 'behind-its-back', title: 'Written by another process' }));
        assert.ok(r.ok);
        return r.value;
      })());
      await withTenant(db, a, (tx) => insertOrgQuestion(tx, { slug: 'behind-its-back', question: sneaky, searchText: questionSearchText(sneaky), userId: null }));
      assert.equal((await svc.orgContent.bankOf(local)).get('org/behind-its-back'), undefined);
      await rejectsWith(svc.questions.get(local, 'org/behind-its-back'), 'NOT_FOUND');

      await svc.orgContent.createQuestion(local, { json: orgQuestionJson({ ...zeppelin, slug: 'at-once', title: 'Visible the moment it is written' }) });
      assert.equal((await svc.questions.get(local, 'org/at-once')).title, 'Visible the moment it is written');
      assert.ok((await svc.orgContent.bankOf(local)).get('org/behind-its-back'), 'the reload read everything');
      await svc.orgContent.replaceQuestion(local, 'at-once', { json: orgQuestionJson({ ...zeppelin, slug: 'at-once', title: 'Changed the moment it is written' }) });
      assert.equal((await svc.questions.get(local, 'org/at-once')).title, 'Changed the moment it is written');
      await svc.orgContent.deleteQuestion(local, 'at-once');
      await rejectsWith(svc.questions.get(local, 'org/at-once'), 'NOT_FOUND');
      await rejectsWith(practice.question(local, 'org/at-once'), 'NOT_FOUND');
      await svc.orgContent.createGuide(local, { json: orgGuideJson({ slug: 'fresh', title: 'Fresh Guide' }) });
      assert.equal((await svc.roles.get(local, 'org-fresh')).title, 'Fresh Guide');
      await svc.orgContent.deleteGuide(local, 'fresh');
      await rejectsWith(svc.roles.get(local, 'org-fresh'), 'NOT_FOUND');

      // Another tenant's write does not drop this tenant's cache, and the TTL does.
      const cached = await svc.orgContent.bankOf(local);
      await withTenant(db, a, (tx) => tx.query(`delete from org_questions where slug = 'behind-its-back'`));
      await svc.orgContent.createGuide(ownerB, { json: orgGuideJson({ slug: 'unrelated' }) });
      assert.equal(await svc.orgContent.bankOf(local), cached);
      clockMs += BANK_TTL_MS;
      const expired = await svc.orgContent.bankOf(local);
      assert.notEqual(expired, cached);
      assert.equal(expired.get('org/behind-its-back'), undefined);
    });

    it('a bank loaded while a write commits is not kept: the write is still visible at once', async () => {
      // A database that holds back one transaction's result (the bank's load) until told to let it go: the load has
      // read the content as it was, and returns only after the write below has committed and dropped the cache.
      let holdLoad = false;
      let loaded: () => void = () => undefined;
      const loadRead = new Promise<void>((resolve) => {
        loaded = resolve;
      });
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const held: Database = {
        kind: db.kind,
        query: (sql, params) => db.query(sql, params),
        exec: (sql) => db.exec(sql),
        close: () => Promise.resolve(),
        async transaction(fn, options) {
          const seen = { load: false };
          const result = await db.transaction(
            (tx) =>
              fn({
                query: (sql, params) => {
                  if (holdLoad && sql.includes(`select 'question' as kind`)) seen.load = true;
                  return tx.query(sql, params);
                },
              }),
            options,
          );
          if (seen.load) {
            holdLoad = false;
            loaded();
            await gate;
          }
          return result;
        },
      };
      const content = await loadContent(defaultContentDir());
      const racing = contentServices(held, content);
      holdLoad = true;
      const inFlight = racing.orgContent.bankOf(local);
      await loadRead;
      await racing.orgContent.createQuestion(local, { json: orgQuestionJson({ ...zeppelin, slug: 'raced', title: 'Written while a load was in flight' }) });
      release();
      assert.equal((await inFlight).get('org/raced'), undefined, 'the load read the content before the write');
      assert.equal((await racing.questions.get(local, 'org/raced')).title, 'Written while a load was in flight', 'the writer sees its write at once');
      await racing.orgContent.deleteQuestion(local, 'raced');
    });

    it('writes to one organization’s content are serialised: a guide change and a question that needs the old guide cannot both win', async () => {
      await svc.orgContent.createGuide(ownerB, { json: orgGuideJson({ slug: 'race' }) });
      const stages = (await svc.orgContent.getGuide(ownerB, 'race')).guide.stages;
      const noDesign = { json: orgGuideJson({ slug: 'race', stages: stages.filter((st) => st.id !== 'design') }) };
      const needsDesign = { json: orgQuestionJson({ slug: 'needs-design', roles: ['org-race'], stage: 'design' }) };
      // Both checks pass against the content as it was; the lock makes the second see the first.
      const outcomes = await Promise.allSettled([svc.orgContent.replaceGuide(ownerB, 'race', noDesign), svc.orgContent.createQuestion(ownerB, needsDesign)]);
      assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1, JSON.stringify(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))));
      const rejected = outcomes.find((o) => o.status === 'rejected');
      assert.ok(rejected?.reason instanceof AppError && rejected.reason.code === 'BAD_REQUEST', String(rejected?.reason));
      const guide = (await svc.orgContent.getGuide(ownerB, 'race')).guide;
      const questions = (await svc.orgContent.listQuestions(ownerB)).filter((q) => q.roles.includes('org-race'));
      assert.ok(questions.every((q) => guide.stages.some((st) => st.id === q.stage)), 'every question’s stage is in its guide');

      // Two creates of one slug at once: one is added, the other is a conflict.
      const same = { json: orgQuestionJson({ slug: 'twice', roles: ['org-race'], stage: 'screen', levels: ['mid'] }) };
      const both = await Promise.allSettled([svc.orgContent.createQuestion(ownerB, same), svc.orgContent.createQuestion(coachB, same)]);
      assert.deepEqual(both.map((o) => (o.status === 'fulfilled' ? 'ok' : o.reason instanceof AppError ? o.reason.code : String(o.reason))).sort(), ['CONFLICT', 'ok']);
      for (const slug of ['needs-design', 'twice']) await svc.orgContent.deleteQuestion(ownerB, slug).catch(() => undefined);
      await svc.orgContent.deleteGuide(ownerB, 'race');
    });

    it('platform usage counts each tenant’s own questions and guides', async () => {
      const usage = await createPlatformService({ db }).usage('ops@example.com', 'org content check');
      const ofA = usage.find((u) => u.tenantId === a);
      const ofB = usage.find((u) => u.tenantId === b);
      assert.deepEqual([ofA?.orgQuestions, ofA?.orgRoleGuides], [1, 0]);
      assert.deepEqual([ofB?.orgQuestions, ofB?.orgRoleGuides], [1, 2]);
    });
  });

  describe(`${label}: platform administration sees counts, never rows`, () => {
    let db: Database;
    let a: string;
    let b: string;
    before(async () => {
      let content: LoadedContent;
      ({ db, a, b, content } = await twoTenants(factory, 'platform-other'));
      const saved = contentServices(db, content).saved;
      await saved.save(localActor(a), 'backend/rate-limiter-design', 'a secret note');
      await saved.save(localActor(b), 'backend/cache-invalidation', 'b secret note');
      await saved.save(localActor(b), 'backend/isolation-levels', 'another');
    });
    after(async () => {
      await db.close();
    });

    it('reads usage per tenant as the platform role, and audits the read', async () => {
      const usage = await createPlatformService({ db }).usage('ops@example.com', 'monthly report');
      assert.equal(usage.find((u) => u.tenantId === a)?.savedQuestions, 1);
      assert.equal(usage.find((u) => u.tenantId === b)?.savedQuestions, 2);
      const audit = await db.query<{ actor: string; reason: string }>('select actor, reason from platform_audit order by id desc limit 1');
      assert.deepEqual(audit.rows[0], { actor: 'ops@example.com', reason: 'monthly report' });
      await assert.rejects(createPlatformService({ db }).usage('  '), /actor/);
    });

    it('the platform role cannot read any row content, nor write tenant data', async () => {
      const asPlatform = (sql: string) =>
        db.transaction(async (tx) => {
          await tx.query('set local role loopcoach_platform');
          return tx.query(sql);
        });
      await assert.rejects(asPlatform('select note from saved_questions'), /permission denied/);
      await assert.rejects(asPlatform('select * from plans'), /permission denied/);
      await assert.rejects(asPlatform(`delete from saved_questions`), /permission denied/);
      await assert.rejects(asPlatform('select name from tenants'), /permission denied/);
      const counts = await asPlatform('select tenant_id, count(*)::int as n from saved_questions group by tenant_id order by n');
      assert.equal(counts.rows.length, 2);
    });

    it('the app role cannot read the platform usage view or the audit log', async () => {
      await assert.rejects(withTenant(db, a, (tx) => tx.query('select * from platform_tenant_usage')), /permission denied/);
      await assert.rejects(withTenant(db, a, (tx) => tx.query('select * from platform_audit')), /permission denied/);
    });
  });
}
