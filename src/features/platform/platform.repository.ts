/**
 * SQL for platform administration: aggregate usage per tenant, read as the loopcoach_platform role, which may
 * read only tenant ids (column privileges) under policies scoped to it, and only through the usage view.
 * Every read writes an audit row in the same transaction.
 */
import type { Queryable } from '../../infra/db/database.js';

export const PLATFORM_ROLE = 'loopcoach_platform';

export interface TenantUsageRow {
  tenant_id: string;
  kind: string;
  created_at: string | Date;
  plans: number;
  attempts: number;
  sessions: number;
  review_cards: number;
  saved_questions: number;
  org_questions: number;
  org_role_guides: number;
}

export async function becomePlatform(tx: Queryable): Promise<void> {
  await tx.query(`set local role ${PLATFORM_ROLE}`);
}

export async function audit(tx: Queryable, actor: string, action: string, reason: string | null): Promise<void> {
  await tx.query('insert into platform_audit (actor, action, reason) values ($1, $2, $3)', [actor, action, reason]);
}

export async function tenantUsage(tx: Queryable): Promise<TenantUsageRow[]> {
  const r = await tx.query<TenantUsageRow>(
    `/* tenant-check: platform aggregate across tenants — counts only, as loopcoach_platform, audited */
     select tenant_id, kind, created_at, plans, attempts, sessions, review_cards, saved_questions, org_questions, org_role_guides from platform_tenant_usage order by created_at, tenant_id`,
  );
  return r.rows;
}
