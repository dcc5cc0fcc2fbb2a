/**
 * A real PostgreSQL server (started by the harness, test/support/postgres-server.ts) set up as in production for
 * server mode: a database owned by `lc_owner`, migrated by it (`loopcoach migrate`), and `lc_server`, a NOSUPERUSER
 * NOBYPASSRLS login role that can only assume loopcoach_app. The harness's own superuser (`postgres`) stays
 * available to the tests, for seeding and for reading with row-level security bypassed.
 */
import pg from 'pg';
import { runMigrate } from '../../src/cli/migrate.js';
import { startTestPostgres } from './postgres-server.js';

export interface ServerModeDatabase {
  /** As the superuser `postgres` (bypasses row-level security, even FORCEd). */
  superUrl: string;
  /** As `lc_owner`, the migrating owner of every table. */
  ownerUrl: string;
  /** As `lc_server`, the login role the server runs as (a member of loopcoach_app, nothing more). */
  serverUrl: string;
  stop(): Promise<void>;
}

export const asRole = (url: string, user: string, password = 'pw'): string => {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
};

export async function startServerModeDatabase(name: string): Promise<ServerModeDatabase> {
  const server = await startTestPostgres();
  try {
    const superUrl = await server.createDatabase(`${name}_${String(process.pid)}`);
    const db = new URL(superUrl).pathname.slice(1);
    const c = new pg.Client({ connectionString: superUrl });
    await c.connect();
    try {
      for (const s of [
        `create role lc_owner login createrole password 'pw'`,
        `alter database "${db}" owner to lc_owner`,
        'alter schema public owner to lc_owner',
        `create role lc_server login nosuperuser nobypassrls password 'pw'`,
      ]) await c.query(s);
    } finally {
      await c.end();
    }
    const ownerUrl = asRole(superUrl, 'lc_owner');
    await runMigrate({ kind: 'postgres', url: ownerUrl });
    const g = new pg.Client({ connectionString: superUrl });
    await g.connect();
    try {
      await g.query('grant loopcoach_app to lc_server');
    } finally {
      await g.end();
    }
    return { superUrl, ownerUrl, serverUrl: asRole(superUrl, 'lc_server'), stop: () => server.stop() };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
