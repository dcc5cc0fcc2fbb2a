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
import { createQuestionsService } from '../../src/features/questions/questions.service.js';
import { createRolesService } from '../../src/features/roles/roles.service.js';
import { createSavedService } from '../../src/features/saved/saved.service.js';
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
import { aContentDir, aQuestion, minimalContent } from '../support/builders.js';

export interface DatabaseFactory {
  /** A fresh, empty database. */
  open(): Promise<Database>;
  teardown?(): Promise<void>;
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
      const q = await createQuestionsService({ db }).get('testing/design-a-flaky-test-detector');
      assert.equal(q.title, 'Design a flaky-test quarantine');
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
    before(async () => {
      db = await factory.open();
      await migrate(db, migrationsDir());
      await syncContent(db, await loadContent(defaultContentDir()));
    });
    after(async () => {
      await db.close();
    });

    it('finds a question by a word prefix through the stored tsvector', async () => {
      const r = await createQuestionsService({ db }).search({ q: 'tenan', limit: 10, offset: 0 });
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
      const svc = createQuestionsService({ db });
      const all = await svc.search({ role: 'backend', limit: 200, offset: 0 });
      assert.ok(all.total >= 40, `backend has ${String(all.total)} questions`);
      const page = await svc.search({ role: 'backend', limit: 5, offset: 5 });
      assert.equal(page.total, all.total);
      assert.equal(page.items.length, 5);
      const hard = await svc.search({ role: 'backend', difficulty: 'hard', level: 'senior', limit: 200, offset: 0 });
      assert.ok(hard.items.length > 0);
      assert.ok(hard.items.every((q) => q.difficulty === 'hard' && q.levels.includes('senior')));
      const past = await svc.search({ role: 'backend', limit: 5, offset: 10_000 });
      assert.deepEqual([past.items.length, past.total], [0, all.total]);
    });

    it('treats search operators in user input as plain words', async () => {
      const r = await createQuestionsService({ db }).search({ q: "idempot' & | !:* <-> )(", limit: 10, offset: 0 });
      assert.ok(r.items.some((q) => q.id === 'backend/idempotent-payment-api'));
    });

    it('assembles the backend guide with every stage holding at least five questions', async () => {
      const g = await createRolesService({ db }).get('backend');
      assert.ok(g.questionCount >= 40);
      for (const s of g.stages) assert.ok(s.questions.length >= 5, `${s.id} has ${String(s.questions.length)} questions`);
      assert.ok(g.relatedRoles.every((r) => r.title !== r.id), 'related roles resolve to real guides');
    });
  });

  describe(`${label}: tenant isolation under row-level security`, () => {
    let db: Database;
    let a: string;
    let b: string;
    before(async () => {
      ({ db, a, b } = await twoTenants(factory, 'other'));
      const saved = createSavedService({ db });
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
      const theirs = await createSavedService({ db }).list(localActor(b));
      assert.deepEqual(theirs.map((s) => [s.questionId, s.note]), [['backend/cache-invalidation', 'theirs']]);
    });

    it("removing another tenant's saved question answers not found", async () => {
      await assert.rejects(createSavedService({ db }).remove(localActor(a), 'backend/cache-invalidation'), /not found/);
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
      const guides = new Map(content.roles.map((r) => [r.value.id, r.value]));
      practice = createPracticeService({
        db,
        // The organization used below: who is in it with which role.
        directory: {
          roleOf: (org, user) => Promise.resolve(org === team ? (roles.get(user) ?? null) : null),
          members: (org) => Promise.resolve(org === team ? [...roles].filter(([, r]) => r === 'member').map(([userId]) => ({ userId, name: userId, email: `${userId}@example.com` })) : []),
        },
        bank: { all: questions, get: (id) => questions.find((q) => q.id === id), guide: (role) => guides.get(role) },
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

  describe(`${label}: platform administration sees counts, never rows`, () => {
    let db: Database;
    let a: string;
    let b: string;
    before(async () => {
      ({ db, a, b } = await twoTenants(factory, 'platform-other'));
      const saved = createSavedService({ db });
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
