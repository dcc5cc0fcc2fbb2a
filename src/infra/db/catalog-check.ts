/**
 * The tenancy catalog check (docs/decisions/0002): every table with a tenant_id column has row-level security
 * enabled AND forced, at least one policy, and an index whose first column is tenant_id; no view skips RLS by
 * running as its owner; no SECURITY DEFINER function exists in our schema. Run at start-up and in tests.
 */
import type { Queryable } from './database.js';

export interface CatalogProblem {
  object: string;
  problem: string;
}

export async function checkTenantCatalog(db: Queryable): Promise<CatalogProblem[]> {
  const problems: CatalogProblem[] = [];
  const tables = await db.query<{ name: string; rls: boolean; forced: boolean; policies: string; tenant_index: boolean }>(`
    select c.oid::regclass::text as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
           (select count(*) from pg_policy p where p.polrelid = c.oid) as policies,
           exists (
             select 1 from pg_index i
              where i.indrelid = c.oid
                and i.indkey[0] = (select a.attnum from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
           ) as tenant_index
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p')
       and n.nspname not in ('pg_catalog', 'information_schema')
       and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
     order by 1`);
  for (const t of tables.rows) {
    if (!t.rls) problems.push({ object: t.name, problem: 'row-level security is not enabled' });
    if (!t.forced) problems.push({ object: t.name, problem: 'row-level security is not forced (the owner would bypass it)' });
    if (Number(t.policies) === 0) problems.push({ object: t.name, problem: 'has no row-level security policy' });
    if (!t.tenant_index) problems.push({ object: t.name, problem: 'has no index whose first column is tenant_id' });
  }
  const views = await db.query<{ name: string }>(`
    select c.oid::regclass::text as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('v', 'm') and n.nspname not in ('pg_catalog', 'information_schema')
       and not coalesce(c.reloptions @> array['security_invoker=true'], false)
     order by 1`);
  for (const v of views.rows) problems.push({ object: v.name, problem: 'view without security_invoker (it would run as its owner and skip RLS)' });
  const definers = await db.query<{ name: string }>(`
    select p.oid::regprocedure::text as name
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema')
     order by 1`);
  for (const f of definers.rows) problems.push({ object: f.name, problem: 'SECURITY DEFINER function (it bypasses RLS)' });
  return problems;
}
