/**
 * SQL for saved questions: tenant data, reachable only through a TenantTx. Each user saves their own (a null user id
 * names the rows of no user: local mode's).
 */
import type { TenantTx } from '../../infra/db/tenant.js';
import type { WriteScope } from '../accounts/visibility.js';

export interface SavedRow {
  question_id: string;
  title: string | null;
  note: string;
  created_at: Date | string;
}

export async function listSaved(tx: TenantTx, owner: WriteScope): Promise<SavedRow[]> {
  const r = await tx.query<SavedRow>(
    `select s.question_id, coalesce(q.title, o.title) as title, s.note, s.created_at
       from saved_questions s
       left join content_questions q on q.id = s.question_id
       left join org_questions o on o.tenant_id = s.tenant_id and o.id = s.question_id
      where s.tenant_id = $1 and (s.user_id = $2 or ($2::uuid is null and s.user_id is null))
      order by s.created_at desc, s.question_id`,
    [tx.tenantId, owner.userId],
  );
  return r.rows;
}

export async function saveQuestion(tx: TenantTx, owner: WriteScope, questionId: string, note: string): Promise<void> {
  await tx.query(
    `insert into saved_questions (tenant_id, user_id, question_id, note) values ($1, $2, $3, $4)
     on conflict (tenant_id, user_id, question_id) do update set note = excluded.note`,
    [tx.tenantId, owner.userId, questionId, note],
  );
}

export async function removeSaved(tx: TenantTx, owner: WriteScope, questionId: string): Promise<boolean> {
  const r = await tx.query(
    'delete from saved_questions where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and question_id = $3',
    [tx.tenantId, owner.userId, questionId],
  );
  return r.rowCount > 0;
}
