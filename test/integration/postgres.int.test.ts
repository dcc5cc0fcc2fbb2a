import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { openPostgres } from '../../src/infra/db/postgres.js';
import { startTestPostgres, type TestPostgres } from '../support/postgres-server.js';
import { runDatabaseSuite } from './database-suite.js';

let server: TestPostgres | undefined;
let n = 0;
before(async () => {
  server = await startTestPostgres();
});
after(async () => {
  await server?.stop();
});

// If the server cannot start, this fails with the reason instead of the file passing with nothing run.
it('a real PostgreSQL server is running for this suite', async () => {
  assert.ok(server, 'the PostgreSQL server did not start');
  const db = openPostgres(await server.createDatabase(`probe_${String(process.pid)}`));
  try {
    const r = await db.query<{ version: string }>('select version()');
    assert.match(r.rows[0]?.version ?? '', /^PostgreSQL (1[5-9]|[2-9]\d)/);
  } finally {
    await db.close();
  }
});

runDatabaseSuite('PostgreSQL server', {
  open: async () => {
    if (!server) throw new Error('the PostgreSQL server did not start');
    return openPostgres(await server.createDatabase(`suite_${String(process.pid)}_${String(++n)}`));
  },
});
