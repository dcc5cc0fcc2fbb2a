import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.js';
import type { DatabaseConfig } from '../config.js';
import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/**
 * Opens the configured database. An embedded data directory admits one process at a time (PGlite is a single
 * in-process server), guarded by a lock file naming the owner's pid; a stale lock from a dead process is taken over.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') return openPostgres(config.url);
  if (config.dataDir === null) return openPglite();
  const dataDir = config.dataDir;
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (err) {
    throw new AppError('CONFIG_INVALID', `cannot create the data directory ${dataDir}: ${(err as Error).message}`);
  }
  const release = await acquireLock(join(dataDir, 'loopcoach.lock'));
  try {
    const db = await openPglite(join(dataDir, 'pgdata'));
    return {
      ...db,
      async close() {
        await db.close();
        await release();
      },
    };
  } catch (err) {
    await release();
    throw err;
  }
}

export class DataDirBusyError extends AppError {
  constructor(readonly path: string, readonly pid: number) {
    super('UNAVAILABLE', `the data directory is in use by another Loopcoach process (pid ${String(pid)}): ${path}`);
  }
}

async function acquireLock(lockPath: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) throw new DataDirBusyError(lockPath, pid);
      await rm(lockPath, { force: true });
    }
  }
  throw new AppError('UNAVAILABLE', `cannot lock the data directory (${lockPath})`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
