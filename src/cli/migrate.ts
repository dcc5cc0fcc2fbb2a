/** `loopcoach migrate`: the owner's job in server mode — schema migrations, then the shipped content. */
import { syncContent } from '../features/content/content.service.js';
import type { DatabaseConfig } from '../infra/config.js';
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
