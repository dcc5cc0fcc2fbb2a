/**
 * SQL for the account directory: organizations, memberships and their tenant rows. Directory tables hold no tenant
 * data (no tenant_id, not under row-level security): they say which tenants a user may act for. better-auth reads
 * and writes the same tables through its own adapter; these are the queries Loopcoach needs besides.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../infra/db/database.js';
import type { OrganizationRole } from './roles.js';

export type TenantKind = 'personal' | 'organization';

export interface MembershipRow {
  organizationId: string;
  name: string;
  kind: TenantKind;
  role: OrganizationRole;
}

const personalSlug = (userId: string): string => `personal-${userId}`;

/** The tenant row of a new organization, written before the organization itself (which references it). */
export async function insertOrganizationTenant(db: Queryable, name: string): Promise<string> {
  const id = randomUUID();
  await db.query(`insert into tenants (id, slug, name, kind) values ($1, $2, $3, 'organization')`, [id, `org-${id}`, name]);
  return id;
}

/**
 * The user's personal organization: its tenant, the organization and the user as its owner, in one transaction.
 * Idempotent (the tenant's slug names the user), so it is safe to call again when the sign-up hook did not finish.
 */
export async function ensurePersonalOrganization(db: Database, user: { id: string; name: string }): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.query(
      `insert into tenants (id, slug, name, kind) values ($1, $2, $3, 'personal') on conflict (slug) do nothing`,
      [randomUUID(), personalSlug(user.id), user.name],
    );
    const tenant = await tx.query<{ id: string }>(`select id from tenants where slug = $1 and kind = 'personal'`, [personalSlug(user.id)]);
    const id = tenant.rows[0]?.id;
    if (!id) throw new Error('personal tenant missing after insert');
    await tx.query(
      `insert into organizations (id, name, slug) values ($1, $2, $3) on conflict (id) do nothing`,
      [id, 'Personal', id],
    );
    await tx.query(
      `insert into memberships (organization_id, user_id, role) values ($1, $2, 'owner') on conflict (organization_id, user_id) do nothing`,
      [id, user.id],
    );
    return id;
  });
}

export async function findPersonalOrganization(db: Queryable, userId: string): Promise<string | null> {
  const r = await db.query<{ id: string }>(
    `select t.id
       from tenants t
       join memberships m on m.organization_id = t.id and m.user_id = $2
      where t.slug = $1 and t.kind = 'personal'`,
    [personalSlug(userId), userId],
  );
  return r.rows[0]?.id ?? null;
}

/** The user's membership in one organization, or null when the organization is unknown or the user is not in it. */
export async function findMembership(db: Queryable, organizationId: string, userId: string): Promise<MembershipRow | null> {
  const r = await db.query<MembershipRow>(
    `select o.id as "organizationId", o.name, t.kind, m.role
       from memberships m
       join organizations o on o.id = m.organization_id
       join tenants t on t.id = o.id
      where m.organization_id = $1 and m.user_id = $2`,
    [organizationId, userId],
  );
  return r.rows[0] ?? null;
}

/** The users of one organization who have a role, by name (a coach's overview lists the members). */
export async function listMembers(db: Queryable, organizationId: string, role: OrganizationRole): Promise<{ userId: string; name: string; email: string }[]> {
  const r = await db.query<{ userId: string; name: string; email: string }>(
    `select u.id as "userId", u.name, u.email
       from memberships m
       join auth_users u on u.id = m.user_id
      where m.organization_id = $1 and m.role = $2
      order by u.name, u.id`,
    [organizationId, role],
  );
  return r.rows;
}

/** Every organization the user belongs to: personal first, then by name. */
export async function listMemberships(db: Queryable, userId: string): Promise<MembershipRow[]> {
  const r = await db.query<MembershipRow>(
    `select o.id as "organizationId", o.name, t.kind, m.role
       from memberships m
       join organizations o on o.id = m.organization_id
       join tenants t on t.id = o.id
      where m.user_id = $1
      order by t.kind = 'personal' desc, o.name, o.id`,
    [userId],
  );
  return r.rows;
}

export async function organizationKind(db: Queryable, organizationId: string): Promise<TenantKind | null> {
  const r = await db.query<{ kind: TenantKind }>(`select kind from tenants where id = $1`, [organizationId]);
  return r.rows[0]?.kind ?? null;
}
