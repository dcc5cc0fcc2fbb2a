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
  return db.transaction(async (tx) => {
    // Connected as the owner (local mode), drop to the runtime role so policies apply; connected as the
    // runtime role (server mode), this is a no-op. The role name is a constant, never input.
    await tx.query(`set local role ${APP_ROLE}`);
    await tx.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    return fn(Object.assign(Object.create(null) as object, { query: tx.query.bind(tx), tenantId }) as TenantTx);
  });
}
