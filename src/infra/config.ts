/** Resolves runtime configuration from CLI flags and the environment, in that order of precedence. */
import envPaths from 'env-paths';
import { resolve } from 'node:path';
import { AppError } from '../shared/errors.js';
import { defaultContentDir } from './paths.js';

export type DatabaseConfig = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };

export type AppMode = 'local' | 'server';

export interface Config {
  /** local: one user, no login, embedded database, loopback only. server: teams on PostgreSQL, as the app role. */
  mode: AppMode;
  contentDir: string;
  database: DatabaseConfig;
  host: string;
  port: number;
}

export interface ConfigInput {
  dataDir?: string | undefined;
  port?: string | number | undefined;
  host?: string | undefined;
  contentDir?: string | undefined;
  /** In-memory PGlite: for tests and for one-shot CLI reads when the data directory is busy. */
  memory?: boolean | undefined;
  mode?: string | undefined;
}

export function defaultDataDir(): string {
  return envPaths('loopcoach', { suffix: '' }).data;
}

export function resolveConfig(input: ConfigInput, env: NodeJS.ProcessEnv = process.env): Config {
  const url = env.DATABASE_URL?.trim();
  const database: DatabaseConfig =
    url && !input.memory
      ? { kind: 'postgres', url }
      : { kind: 'pglite', dataDir: input.memory ? null : resolve(input.dataDir ?? env.LOOPCOACH_DATA_DIR ?? defaultDataDir()) };
  const rawPort = input.port ?? env.PORT ?? 3000;
  const port = typeof rawPort === 'number' ? rawPort : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('CONFIG_INVALID', `--port must be a whole number from 0 to 65535, got "${String(rawPort)}"`);
  }
  const mode = input.mode ?? env.LOOPCOACH_MODE ?? 'local';
  if (mode !== 'local' && mode !== 'server') throw new AppError('CONFIG_INVALID', `--mode must be local or server, got "${mode}"`);
  if (mode === 'server' && database.kind !== 'postgres') {
    throw new AppError(
      'CONFIG_INVALID',
      'server mode needs a PostgreSQL server (set DATABASE_URL to connect as the app role): the embedded database always runs as a superuser, so it cannot enforce the roles that keep organizations apart',
    );
  }
  return {
    mode,
    contentDir: resolve(input.contentDir ?? env.LOOPCOACH_CONTENT_DIR ?? defaultContentDir()),
    database,
    // Local mode is single-user with no login: it listens on loopback only.
    host: input.host ?? env.HOST ?? (mode === 'server' ? '0.0.0.0' : '127.0.0.1'),
    port,
  };
}

/** Where `loopcoach migrate` connects: the owner role's URL, else the app's database, else the embedded one. */
export function resolveMigrationTarget(input: ConfigInput, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const owner = env.MIGRATION_DATABASE_URL?.trim();
  if (owner) return { kind: 'postgres', url: owner };
  return resolveConfig({ ...input, mode: 'local' }, env).database;
}
