/**
 * Server mode on a real PostgreSQL server: migrations run as the owner (`loopcoach migrate`), the server connects
 * as a login role that can only assume the app role, and it refuses to start as a superuser, as a BYPASSRLS role,
 * as a role that cannot assume the app role, on a schema that is behind, or on the embedded database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createApp } from '../../src/app.js';
import { runMigrate } from '../../src/cli/migrate.js';
import { buildServer } from '../../src/http/server.js';
import { resolveConfig } from '../../src/infra/config.js';
import { startTestPostgres, type TestPostgres } from '../support/postgres-server.js';

let server: TestPostgres | undefined;
let superUrl = '';
const as = (url: string, user: string, password = 'pw'): string => {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
};
async function sql(url: string, statements: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
}
const SECRET = 'server-mode-test-secret-of-at-least-32-characters';
const serverApp = (url: string) => createApp(resolveConfig({ mode: 'server' }, { DATABASE_URL: url, BETTER_AUTH_SECRET: SECRET }));

before(async () => {
  server = await startTestPostgres();
  superUrl = await server.createDatabase(`server_mode_${String(process.pid)}`);
  const db = new URL(superUrl).pathname.slice(1);
  await sql(superUrl, [
    `create role lc_owner login createrole password 'pw'`,
    `alter database "${db}" owner to lc_owner`,
    'alter schema public owner to lc_owner',
    `create role lc_server login nosuperuser nobypassrls password 'pw'`,
    `create role lc_bypass login bypassrls password 'pw'`,
    `create role lc_stranger login password 'pw'`,
  ]);
});
after(async () => {
  await server?.stop();
});

describe('server mode', () => {
  it('refuses to start on a schema that has not been migrated', async () => {
    await assert.rejects(serverApp(as(superUrl, 'lc_server')), /loopcoach migrate/);
  });

  it('migrates as the owner, then serves as a role that can only assume the app role', async () => {
    const report = await runMigrate({ kind: 'postgres', url: as(superUrl, 'lc_owner') });
    assert.match(report, /applied 0001_init/);
    assert.match(report, /content: \d+ written/);
    assert.match(await runMigrate({ kind: 'postgres', url: as(superUrl, 'lc_owner') }), /up to date[\s\S]*0 written/);
    // The migrating owner (CREATEROLE, not superuser) can switch into the roles it created (PostgreSQL 16+ needs SET).
    await sql(as(superUrl, 'lc_owner'), ['begin', "select set_config('role', 'loopcoach_app', true)", 'rollback', 'begin', 'set local role loopcoach_platform', 'rollback']);
    await sql(superUrl, ['grant loopcoach_app to lc_server', 'grant loopcoach_app to lc_bypass']);

    const app = await serverApp(as(superUrl, 'lc_server'));
    try {
      assert.equal(app.config.mode, 'server');
      assert.equal(app.localTenantId, null);
      const api = await buildServer(app);
      const roles = await api.inject({ method: 'GET', url: '/api/roles' });
      assert.equal(roles.statusCode, 200, 'shipped content is public');
      const plans = await api.inject({ method: 'GET', url: '/api/plans' });
      assert.equal(plans.statusCode, 401, 'tenant data needs an account');
      assert.match(plans.body, /sign in/);
      await api.close();
    } finally {
      await app.close();
    }
  });

  it('the server login role cannot become the platform-admin role', async () => {
    const c = new pg.Client({ connectionString: as(superUrl, 'lc_server') });
    await c.connect();
    try {
      await assert.rejects(c.query('set role loopcoach_platform'), /permission denied/);
      await assert.rejects(c.query('select count(*) from platform_audit'), /permission denied/);
    } finally {
      await c.end();
    }
  });

  it('refuses to run as a superuser, a BYPASSRLS role, or a role that cannot assume the app role', async () => {
    await assert.rejects(serverApp(superUrl), /superuser/);
    await assert.rejects(serverApp(as(superUrl, 'lc_bypass')), /BYPASSRLS/);
    await assert.rejects(serverApp(as(superUrl, 'lc_stranger')), /cannot assume loopcoach_app/);
  });

  it('refuses to run where transactions default to another isolation level than read committed', async () => {
    await sql(superUrl, [`alter role lc_server set default_transaction_isolation = 'repeatable read'`]);
    try {
      await assert.rejects(serverApp(as(superUrl, 'lc_server')), /default_transaction_isolation: is "repeatable read"/);
    } finally {
      await sql(superUrl, ['alter role lc_server reset default_transaction_isolation']);
    }
    const app = await serverApp(as(superUrl, 'lc_server'));
    await app.close();
  });

  it('refuses server mode on the embedded database', () => {
    assert.throws(() => resolveConfig({ mode: 'server', memory: true }, {}), /server mode needs a PostgreSQL server/);
    assert.throws(() => resolveConfig({ mode: 'cluster' }, {}), /--mode must be local or server/);
    assert.throws(() => resolveConfig({ mode: 'server' }, { DATABASE_URL: superUrl }), /BETTER_AUTH_SECRET/);
    assert.throws(() => resolveConfig({ mode: 'server' }, { DATABASE_URL: superUrl, BETTER_AUTH_SECRET: 'short' }), /at least 32/);
    assert.throws(() => resolveConfig({ mode: 'server' }, { DATABASE_URL: superUrl, BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: 'ftp://x' }), /BETTER_AUTH_URL/);
  });
});
