/** Resolves runtime configuration from CLI flags and the environment, in that order of precedence. */
import envPaths from 'env-paths';
import { resolve } from 'node:path';
import { AppError } from '../shared/errors.js';
import { defaultContentDir } from './paths.js';

export type DatabaseConfig = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };

export type AppMode = 'local' | 'server';

/** Accounts (server mode only): better-auth's settings. */
export interface AuthConfig {
  /** Signs session cookies and bearer tokens (BETTER_AUTH_SECRET, at least 32 characters). */
  secret: string;
  /** The public URL of the server (BETTER_AUTH_URL): cookies, redirects and the trusted origin derive from it. */
  baseURL: string;
  /** Origins allowed to send cookie-authenticated writes, besides baseURL's (LOOPCOACH_TRUSTED_ORIGINS, comma-separated). */
  trustedOrigins: string[];
  /** Rate limits on the auth endpoints (sign-in: 3 per 10 s per client address). LOOPCOACH_AUTH_RATE_LIMIT=off turns them off. */
  rateLimit: boolean;
}

export interface Config {
  /** local: one user, no login, embedded database, loopback only. server: teams on PostgreSQL, as the app role. */
  mode: AppMode;
  contentDir: string;
  database: DatabaseConfig;
  host: string;
  port: number;
  /** Null in local mode: one user, no login. */
  auth: AuthConfig | null;
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
    auth: mode === 'server' ? resolveAuthConfig(env, port) : null,
    contentDir: resolve(input.contentDir ?? env.LOOPCOACH_CONTENT_DIR ?? defaultContentDir()),
    database,
    // Local mode is single-user with no login: it listens on loopback only.
    host: input.host ?? env.HOST ?? (mode === 'server' ? '0.0.0.0' : '127.0.0.1'),
    port,
  };
}

function resolveAuthConfig(env: NodeJS.ProcessEnv, port: number): AuthConfig {
  const secret = env.BETTER_AUTH_SECRET?.trim() ?? '';
  if (secret.length < 32) {
    throw new AppError('CONFIG_INVALID', 'server mode needs BETTER_AUTH_SECRET: at least 32 random characters that sign sessions (for example: openssl rand -base64 32)');
  }
  const rawUrl = env.BETTER_AUTH_URL?.trim() || `http://localhost:${String(port)}`;
  let baseURL: string;
  try {
    const url = new URL(rawUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    baseURL = url.origin;
  } catch {
    throw new AppError('CONFIG_INVALID', `BETTER_AUTH_URL must be the server's public http(s) URL, got "${rawUrl}"`);
  }
  const trustedOrigins = (env.LOOPCOACH_TRUSTED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o.length > 0);
  const limit = (env.LOOPCOACH_AUTH_RATE_LIMIT ?? 'on').trim().toLowerCase();
  if (limit !== 'on' && limit !== 'off') throw new AppError('CONFIG_INVALID', `LOOPCOACH_AUTH_RATE_LIMIT must be on or off, got "${limit}"`);
  return { secret, baseURL, trustedOrigins, rateLimit: limit === 'on' };
}

/** Where `loopcoach migrate` connects: the owner role's URL, else the app's database, else the embedded one. */
export function resolveMigrationTarget(input: ConfigInput, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const owner = env.MIGRATION_DATABASE_URL?.trim();
  if (owner) return { kind: 'postgres', url: owner };
  return resolveConfig({ ...input, mode: 'local' }, env).database;
}
