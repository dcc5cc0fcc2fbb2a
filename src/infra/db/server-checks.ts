/**
 * Start-up checks for server mode (docs/decisions/0002): the server connects as a login role that is neither a
 * superuser nor BYPASSRLS and can assume the app role, the schema is fully migrated (migrations run separately, as
 * the owner: `loopcoach migrate`), and every tenant table passes the catalog check. Any failure refuses to start,
 * naming what is wrong.
 */
import type { Queryable } from './database.js';
import { readMigrations } from './migrate.js';
import { APP_ROLE } from './tenant.js';

export interface ServerCheckProblem {
  object: string;
  problem: string;
}

export async function checkServerRole(db: Queryable): Promise<ServerCheckProblem[]> {
  const exists = await db.query<{ ok: boolean }>('select exists (select 1 from pg_roles where rolname = $1) as ok', [APP_ROLE]);
  if (!exists.rows[0]?.ok) return [{ object: `role ${APP_ROLE}`, problem: 'does not exist: the database has not been migrated; run "loopcoach migrate" with MIGRATION_DATABASE_URL set to the owner role' }];
  const r = await db.query<{ name: string; superuser: boolean; bypass: boolean; member: boolean }>(
    `select current_user::text as name, r.rolsuper as superuser, r.rolbypassrls as bypass,
            pg_has_role(current_user, $1, 'MEMBER') as member
       from pg_roles r where r.rolname = current_user`,
    [APP_ROLE],
  );
  const me = r.rows[0];
  if (!me) return [{ object: 'current_user', problem: 'cannot read its own role' }];
  const problems: ServerCheckProblem[] = [];
  if (me.superuser) problems.push({ object: `role ${me.name}`, problem: 'is a superuser: superusers bypass row-level security even when it is forced; connect as a role without SUPERUSER' });
  if (me.bypass) problems.push({ object: `role ${me.name}`, problem: 'has BYPASSRLS: it would see every organization\'s data; connect as a role without BYPASSRLS' });
  if (!me.member) problems.push({ object: `role ${me.name}`, problem: `cannot assume ${APP_ROLE}: run "grant ${APP_ROLE} to ${me.name}" as the owner` });
  // The write paths (an idempotent attempt, an organization's content under its advisory lock) are written for READ
  // COMMITTED, PostgreSQL's default: after waiting on a lock, the next statement sees what the other writer committed.
  const isolation = (await db.query<{ level: string }>(`select current_setting('default_transaction_isolation') as level`)).rows[0]?.level;
  if (isolation !== undefined && isolation !== 'read committed') {
    problems.push({ object: 'default_transaction_isolation', problem: `is "${isolation}"; Loopcoach's transactions are written for "read committed" (PostgreSQL's default): run "alter role ${me.name} set default_transaction_isolation = 'read committed'"` });
  }
  return problems;
}

export async function pendingMigrations(db: Queryable, dir: string): Promise<string[]> {
  const files = await readMigrations(dir);
  const exists = await db.query<{ t: string | null }>(`select to_regclass('schema_migrations')::text as t`);
  if (!exists.rows[0]?.t) return files.map((f) => f.id);
  const done = new Set((await db.query<{ id: string }>('select id from schema_migrations')).rows.map((x) => x.id));
  return files.filter((f) => !done.has(f.id)).map((f) => f.id);
}
