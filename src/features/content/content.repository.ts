/** SQL for the global content tables. Nothing else. */
import type { Queryable } from '../../infra/db/database.js';
import type { Question, RoleGuide } from '../../core/content/schema.js';
import type { StoredItem } from '../../core/content/sync-plan.js';

export interface RoleRow {
  id: string;
  hash: string;
  path: string;
  guide: RoleGuide;
}

export interface QuestionRow {
  id: string;
  hash: string;
  path: string;
  question: Question;
  searchText: string;
}

export async function listStoredRoleHashes(db: Queryable): Promise<StoredItem[]> {
  return (await db.query<StoredItem>('select id, content_hash as hash from content_roles')).rows;
}

export async function listStoredQuestionHashes(db: Queryable): Promise<StoredItem[]> {
  return (await db.query<StoredItem>('select id, content_hash as hash from content_questions')).rows;
}

export async function upsertRole(db: Queryable, r: RoleRow): Promise<void> {
  await db.query(
    `insert into content_roles (id, title, summary, doc, source_path, content_hash, synced_at)
     values ($1, $2, $3, $4, $5, $6, now())
     on conflict (id) do update set title = excluded.title, summary = excluded.summary, doc = excluded.doc,
       source_path = excluded.source_path, content_hash = excluded.content_hash, synced_at = now()`,
    [r.id, r.guide.title, r.guide.summary, JSON.stringify(r.guide), r.path, r.hash],
  );
}

export async function upsertQuestion(db: Queryable, r: QuestionRow): Promise<void> {
  const q = r.question;
  await db.query(
    `insert into content_questions
       (id, home_role, roles, stage, levels, difficulty, skills, title, prompt, search_text, doc, source_path, content_hash, synced_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
     on conflict (id) do update set home_role = excluded.home_role, roles = excluded.roles, stage = excluded.stage,
       levels = excluded.levels, difficulty = excluded.difficulty, skills = excluded.skills, title = excluded.title,
       prompt = excluded.prompt, search_text = excluded.search_text, doc = excluded.doc,
       source_path = excluded.source_path, content_hash = excluded.content_hash, synced_at = now()`,
    [q.id, q.roles[0], q.roles, q.stage, q.levels, q.difficulty, q.skills, q.title, q.prompt, r.searchText, JSON.stringify(q), r.path, r.hash],
  );
}

export async function deleteRoles(db: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.query('delete from content_roles where id = any($1::text[])', [ids]);
}

export async function deleteQuestions(db: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.query('delete from content_questions where id = any($1::text[])', [ids]);
}
