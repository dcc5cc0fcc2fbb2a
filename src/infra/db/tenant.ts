/**
 * The only way to reach tenant data: one transaction, the runtime role, and the tenant id as a
 * transaction-local setting that the row-level security policies read. Repository functions for tenant tables
 * take the `TenantTx` this hands out, so none can run without a tenant.
 */
import type { Database, Queryable } from './database.js';

/** The database role tenant queries run as: NOSUPERUSER NOBYPASSRLS, DML grants only (see migrations). */
export const APP_ROLE = 'loopcoach_app';

declare const tenantTx: unique symbol;
export type TenantTx = Queryable & { readonly [tenantTx]: true; readonly tenantId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function withTenant<T>(db: Database, tenantId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  if (!UUID.test(tenantId)) throw new Error(`withTenant: not a tenant id: ${tenantId}`);
  // Connected as the owner (local mode), drop to the runtime role so policies apply; connected as a login role
  // that is a member of it (server mode), the same. Both settings are transaction-local (SET LOCAL): they end with
  // the transaction, so a pooled connection never carries them to the next request. They travel with BEGIN in one
  // round trip, as utility statements (no planner, no result row: measurably cheaper per transaction than
  // `select set_config(…)`, see ADR 0002). SET cannot take a bind parameter, so the statement is built here: the
  // role is a constant and the tenant id has just been checked to be a UUID.
  const setup = `set local role ${APP_ROLE}; set local app.tenant_id = '${tenantId.toLowerCase()}'`;
  return db.transaction((tx) => fn(Object.assign(Object.create(null) as object, { query: tx.query.bind(tx), tenantId }) as TenantTx), { setup });
}
