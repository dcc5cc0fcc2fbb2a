/**
 * Tenant isolation of every catalogued statement (docs/decisions/0002, ../shared/guides/tenancy.md).
 *
 * 1. Static: parses each statement of the query catalogue (the same extraction as db/query-catalogue.sql) with the
 *    real PostgreSQL parser (libpg-query) and applies the rules of scripts/lib/tenant-sql-rules.ts. The tenant
 *    relations come from the migrations, parsed the same way.
 * 2. Plan (on by default, `--no-plan` skips it): migrates an in-memory PGlite and runs
 *    `EXPLAIN (GENERIC_PLAN, VERBOSE, FORMAT JSON)` for every DML statement, then requires a tenant_id condition on
 *    every scan of a tenant table. This sees through views and CTEs, which the parse tree cannot.
 *
 * Prints one line per violation (`file:line: <rule>: <sql excerpt>`, then the reason indented) and a summary; exits 1
 * on any violation.
 */
import { PGlite } from '@electric-sql/pglite';
import { loadModule, parseSync } from 'libpg-query';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, readMigrations } from '../src/infra/db/migrate.js';
import { pgliteDatabase } from '../src/infra/db/pglite.js';
import { createSourceProgram, excerpt, extractQueries, listSourceFiles } from './lib/query-catalogue.js';
import { checkParsedSql, checkPlan, DML_KINDS, tenantRelationsFromMigrations, type PlanNode, type StatementReport } from './lib/tenant-sql-rules.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const withPlan = !process.argv.includes('--no-plan');
const migrationsDir = join(root, 'migrations');

await loadModule();
const migrations = await readMigrations(migrationsDir);
const { tables, views } = tenantRelationsFromMigrations(
  migrations.map((m) => {
    try {
      return parseSync(m.sql);
    } catch (err) {
      throw new Error(`migrations/${m.id}.sql does not parse: ${(err as Error).message}`);
    }
  }),
);
const tenantRelations = new Set([...tables, ...views]);
console.log(`tenant tables (from migrations): ${[...tables].sort().join(', ') || 'none'}`);
if (views.size > 0) console.log(`views over tenant tables: ${[...views].sort().join(', ')}`);

const files = await listSourceFiles(root);
const { entries, problems } = extractQueries(createSourceProgram(files), files, root);

const violations: string[] = [];
const notes: string[] = [];
const explainable: { loc: string; report: StatementReport }[] = [];
const utility = new Map<string, number>();
let statements = 0;
let onTenant = 0;
let exempt = 0;

for (const p of problems) violations.push(`${p.file}:${String(p.line)}: catalogue: ${p.message}`);

for (const e of entries) {
  const loc = `${e.file}:${String(e.line)}`;
  if (e.sql === null) {
    notes.push(`${loc}: not checked, dynamic SQL (${e.dynamic ?? ''})`);
    continue;
  }
  let reports: StatementReport[];
  try {
    reports = checkParsedSql(parseSync(e.sql), e.sql, tenantRelations);
  } catch (err) {
    violations.push(`${loc}: parse-error: ${excerpt(e.sql)}\n    ${(err as Error).message}`);
    continue;
  }
  for (const r of reports) {
    statements++;
    if (r.tenantTables.length > 0) onTenant++;
    if (r.exemption !== null) {
      exempt++;
      notes.push(`${loc}: tenant-check marker (${r.exemption}): ${excerpt(r.sql, 80)}`);
    }
    for (const v of r.violations) violations.push(`${loc}: ${v.rule}: ${excerpt(r.sql)}\n    ${v.message}`);
    if (DML_KINDS.has(r.kind)) explainable.push({ loc, report: r });
    else utility.set(r.kind, (utility.get(r.kind) ?? 0) + 1);
  }
}

let explained = 0;
let planSkipped = 0;
if (withPlan) {
  // PGlite always runs as a superuser, and superusers bypass row-level security even under FORCE: the plans below
  // carry no policy predicate. That is the point: a scan without a tenant_id condition here is a statement that
  // relies on RLS alone to stay inside its tenant.
  const pg = await PGlite.create();
  try {
    await migrate(pgliteDatabase(pg), migrationsDir);
    for (const { loc, report } of explainable) {
      if (report.exemption !== null) {
        planSkipped++;
        notes.push(`${loc}: plan not checked, marked (${report.exemption})`);
        continue;
      }
      let plan: PlanNode;
      try {
        // The simple query protocol (exec): a generic plan takes $n without values.
        const results = await pg.exec(`explain (generic_plan, verbose, format json) ${report.sql}`);
        const row = results[0]?.rows[0] as { 'QUERY PLAN'?: { Plan: PlanNode }[] } | undefined;
        const root = row?.['QUERY PLAN']?.[0]?.Plan;
        if (!root) throw new Error('EXPLAIN returned no plan');
        plan = root;
      } catch (err) {
        planSkipped++;
        notes.push(`${loc}: plan not checked, cannot EXPLAIN generically: ${(err as Error).message}`);
        continue;
      }
      explained++;
      for (const p of checkPlan(plan, tables)) violations.push(`${loc}: plan-tenant-scan: ${excerpt(report.sql)}\n    ${p.message}`);
    }
  } finally {
    await pg.close();
  }
}

for (const n of notes) console.log(n);
for (const v of violations) console.error(v);
const kinds = [...utility.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k} ${String(n)}`).join(', ');
const dynamic = entries.length - entries.filter((e) => e.sql !== null).length;
console.log(
  `queries:check: ${String(statements)} statements (${String(onTenant)} on tenant tables, ${String(exempt)} marked cross-tenant), ` +
    `${String(dynamic)} dynamic calls not checked; ` +
    (withPlan ? `plan: ${String(explained)} DML statements explained, ${String(planSkipped)} skipped, ${String(statements - explainable.length)} not DML (${kinds}); ` : 'plan: not run; ') +
    `${String(violations.length)} violation${violations.length === 1 ? '' : 's'}`,
);
process.exitCode = violations.length > 0 ? 1 : 0;
