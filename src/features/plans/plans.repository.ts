/**
 * SQL for plans: tenant data, reachable only through a TenantTx. Inside the tenant every statement names the user
 * whose rows it reaches (a ReadScope or WriteScope from features/accounts/visibility.ts); a null user id names the
 * rows of no user (local mode's).
 */
import type { TenantTx } from '../../infra/db/tenant.js';
import type { ReadScope, WriteScope } from '../accounts/visibility.js';

export interface PlanRow {
  id: string;
  title: string | null;
  role: string;
  level: string;
  posting: string;
  analysis: unknown;
  plan: unknown;
  interview_date: string | Date | null;
  created_at: string | Date;
}

export async function insertPlan(tx: TenantTx, owner: WriteScope, row: Omit<PlanRow, 'created_at'>): Promise<void> {
  await tx.query(
    `insert into plans (tenant_id, user_id, id, title, role, level, posting, analysis, plan, interview_date)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [tx.tenantId, owner.userId, row.id, row.title, row.role, row.level, row.posting, JSON.stringify(row.analysis), JSON.stringify(row.plan), row.interview_date],
  );
}

export async function listPlans(tx: TenantTx, owner: ReadScope, limit: number): Promise<Omit<PlanRow, 'posting' | 'analysis' | 'plan'>[]> {
  const r = await tx.query<Omit<PlanRow, 'posting' | 'analysis' | 'plan'>>(
    `select id, title, role, level, interview_date, created_at from plans
      where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null))
      order by created_at desc, id limit $3`,
    [tx.tenantId, owner.userId, limit],
  );
  return r.rows;
}

export async function findPlan(tx: TenantTx, owner: ReadScope, id: string): Promise<PlanRow | null> {
  const r = await tx.query<PlanRow>(
    `select id, title, role, level, posting, analysis, plan, interview_date, created_at from plans
      where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and id = $3`,
    [tx.tenantId, owner.userId, id],
  );
  return r.rows[0] ?? null;
}

export async function deletePlan(tx: TenantTx, owner: WriteScope, id: string): Promise<boolean> {
  const r = await tx.query(
    'delete from plans where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and id = $3',
    [tx.tenantId, owner.userId, id],
  );
  return r.rowCount > 0;
}
