/** SQL for saved questions: tenant data, reachable only through a TenantTx. */
import type { TenantTx } from '../../infra/db/tenant.js';

export interface SavedRow {
  question_id: string;
  title: string | null;
  note: string;
  created_at: Date | string;
}

export async function listSaved(tx: TenantTx): Promise<SavedRow[]> {
  const r = await tx.query<SavedRow>(
    `select s.question_id, q.title, s.note, s.created_at
       from saved_questions s left join content_questions q on q.id = s.question_id
      where s.tenant_id = $1
      order by s.created_at desc, s.question_id`,
    [tx.tenantId],
  );
  return r.rows;
}

export async function saveQuestion(tx: TenantTx, questionId: string, note: string): Promise<void> {
  await tx.query(
    `insert into saved_questions (tenant_id, question_id, note) values ($1, $2, $3)
     on conflict (tenant_id, question_id) do update set note = excluded.note`,
    [tx.tenantId, questionId, note],
  );
}

export async function removeSaved(tx: TenantTx, questionId: string): Promise<boolean> {
  const r = await tx.query('delete from saved_questions where tenant_id = $1 and question_id = $2', [tx.tenantId, questionId]);
  return r.rowCount > 0;
}
