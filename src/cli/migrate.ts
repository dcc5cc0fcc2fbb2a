/**
 * Operator commands: `loopcoach migrate` (the owner's job in server mode — schema migrations, then the shipped
 * content) and `loopcoach platform usage` (aggregate usage per tenant as the platform role, audited).
 */
import { syncContent } from '../features/content/content.service.js';
import { createPlatformService } from '../features/platform/platform.service.js';
import { resolveConfig, type DatabaseConfig } from '../infra/config.js';
import { loadContent } from '../infra/content/load.js';
import { migrate } from '../infra/db/migrate.js';
import { openDatabase } from '../infra/db/open.js';
import { defaultContentDir, migrationsDir } from '../infra/paths.js';
import { assertValid } from '../features/content/content.service.js';

export async function runMigrate(target: DatabaseConfig, contentDir = defaultContentDir()): Promise<string> {
  const content = await loadContent(contentDir);
  assertValid(content);
  const db = await openDatabase(target);
  try {
    const { applied } = await migrate(db, migrationsDir());
    const sync = await syncContent(db, content);
    const where = target.kind === 'postgres' ? 'PostgreSQL' : `the embedded database${target.dataDir ? ` (${target.dataDir})` : ''}`;
    const written = sync.questions.inserted + sync.questions.updated + sync.roles.inserted + sync.roles.updated;
    return [
      `migrations on ${where}: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}`,
      `content: ${String(written)} written, ${String(sync.questions.removed + sync.roles.removed)} removed, ${String(sync.questions.unchanged + sync.roles.unchanged)} unchanged`,
    ].join('\n');
  } finally {
    await db.close();
  }
}

export async function runPlatformUsage(opts: { actor: string; reason?: string | undefined; json?: boolean | undefined; dataDir?: string | undefined }, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const url = env.PLATFORM_DATABASE_URL?.trim();
  const target: DatabaseConfig = url ? { kind: 'postgres', url } : resolveConfig({ dataDir: opts.dataDir, mode: 'local' }, { ...env, DATABASE_URL: '' }).database;
  const db = await openDatabase(target);
  try {
    const usage = await createPlatformService({ db }).usage(opts.actor, opts.reason);
    if (opts.json) return JSON.stringify(usage, null, 2);
    const lines = ['tenant                                kind          plans  attempts  sessions  reviews  saved  own questions  own guides'];
    for (const u of usage) {
      lines.push(`${u.tenantId}  ${u.kind.padEnd(12)} ${String(u.plans).padStart(6)} ${String(u.attempts).padStart(9)} ${String(u.sessions).padStart(9)} ${String(u.reviewCards).padStart(8)} ${String(u.savedQuestions).padStart(6)} ${String(u.orgQuestions).padStart(14)} ${String(u.orgRoleGuides).padStart(11)}`);
    }
    lines.push(`${String(usage.length)} tenant${usage.length === 1 ? '' : 's'}; this read was written to the audit log as ${opts.actor}`);
    return lines.join('\n');
  } finally {
    await db.close();
  }
}
