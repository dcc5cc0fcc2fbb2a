import { after, before } from 'node:test';
import { openPostgres } from '../../src/infra/db/postgres.js';
import { startTestPostgres, type TestPostgres } from '../support/postgres-server.js';
import { runDatabaseSuite } from './database-suite.js';

let server: TestPostgres;
let n = 0;
before(async () => {
  server = await startTestPostgres();
});
after(async () => {
  await server.stop();
});

runDatabaseSuite('PostgreSQL server', {
  open: async () => openPostgres(await server.createDatabase(`suite_${String(process.pid)}_${String(++n)}`)),
});
