/** SQL for the tenant directory (global: it says which tenants exist, and holds no tenant data). */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../infra/db/database.js';

export const LOCAL_TENANT_SLUG = 'local';

/** The one personal tenant of local mode, created on first start. */
export async function ensureLocalTenant(db: Queryable): Promise<string> {
  await db.query(
    `insert into tenants (id, slug, name, kind) values ($1, $2, 'Local workspace', 'personal')
     on conflict (slug) do nothing`,
    [randomUUID(), LOCAL_TENANT_SLUG],
  );
  const r = await db.query<{ id: string }>('select id from tenants where slug = $1', [LOCAL_TENANT_SLUG]);
  const id = r.rows[0]?.id;
  if (!id) throw new Error('local tenant missing after insert');
  return id;
}
