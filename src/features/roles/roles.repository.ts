/** SQL for reading role guides. Nothing else. */
import type { Queryable } from '../../infra/db/database.js';

export async function roleTitles(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const r = await db.query<{ id: string; title: string }>('select id, title from content_roles where id = any($1::text[])', [ids]);
  return new Map(r.rows.map((row) => [row.id, row.title]));
}

