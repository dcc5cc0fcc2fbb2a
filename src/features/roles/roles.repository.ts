/** SQL for reading role guides. Nothing else. */
import type { Queryable } from '../../infra/db/database.js';
import type { RoleGuide } from '../../core/content/schema.js';

export async function listRoles(db: Queryable): Promise<{ guide: RoleGuide; questionCount: number }[]> {
  const r = await db.query<{ doc: RoleGuide; question_count: string }>(
    `select r.doc, (select count(*) from content_questions q where r.id = any(q.roles)) as question_count
       from content_roles r
      order by (select count(*) from content_questions q where r.id = any(q.roles)) desc, r.title`,
  );
  return r.rows.map((row) => ({ guide: row.doc, questionCount: Number(row.question_count) }));
}

export async function findRole(db: Queryable, id: string): Promise<RoleGuide | null> {
  const r = await db.query<{ doc: RoleGuide }>('select doc from content_roles where id = $1', [id]);
  return r.rows[0]?.doc ?? null;
}

export async function roleTitles(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const r = await db.query<{ id: string; title: string }>('select id, title from content_roles where id = any($1::text[])', [ids]);
  return new Map(r.rows.map((row) => [row.id, row.title]));
}

export async function listGuides(db: Queryable): Promise<RoleGuide[]> {
  return (await db.query<{ doc: RoleGuide }>('select doc from content_roles order by id')).rows.map((r) => r.doc);
}
