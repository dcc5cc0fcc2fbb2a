/**
 * The composition root: the one place that builds dependencies and hands each service only what it uses.
 * The HTTP server and the CLI are two shells over what this returns.
 */
import { createAccountHooks, createLocalAccounts, createMemberDirectory, createServerAccounts, type AccountsService } from './features/accounts/accounts.service.js';
import { assertValid, contentDrift, syncContent, type SyncReport } from './features/content/content.service.js';
import { createPlansService, type PlansService } from './features/plans/plans.service.js';
import { createOrgContentService, type OrgContentService } from './features/org-content/org-content.service.js';
import { createPracticeService, type PracticeService } from './features/practice/practice.service.js';
import { createScorer } from './core/scoring/score.js';
import { createQuestionsService, type QuestionsService } from './features/questions/questions.service.js';
import { countContent } from './features/questions/questions.repository.js';
import { createRolesService, type RolesService } from './features/roles/roles.service.js';
import { createSavedService, type SavedService } from './features/saved/saved.service.js';
import { ensureLocalTenant } from './features/tenants/tenants.repository.js';
import { createAuth, type AuthGateway } from './infra/auth/better-auth.js';
import type { Config } from './infra/config.js';
import { loadContent } from './infra/content/load.js';
import type { Database } from './infra/db/database.js';
import { checkTenantCatalog } from './infra/db/catalog-check.js';
import { migrate } from './infra/db/migrate.js';
import { checkServerRole, pendingMigrations } from './infra/db/server-checks.js';
import { openDatabase } from './infra/db/open.js';
import { migrationsDir } from './infra/paths.js';
import { AppError } from './shared/errors.js';

export interface App {
  config: Config;
  db: Database;
  /** Local mode's one personal tenant: every request acts for it. Null in server mode (tenants come from accounts). */
  localTenantId: string | null;
  /** Who a request acts as — tenant, user, role — and who is asking (local: the local tenant; server: sessions and memberships). */
  accounts: AccountsService;
  /** Server mode: better-auth behind /api/auth/*. Null in local mode (no login). */
  auth: AuthGateway | null;
  sync: SyncReport;
  services: {
    /** An organization's own questions and role guides, and the bank (shipped + own) each request sees. */
    orgContent: OrgContentService;
    roles: RolesService;
    questions: QuestionsService;
    saved: SavedService;
    plans: PlansService;
    practice: PracticeService;
  };
  readiness(): Promise<{ roles: number; questions: number }>;
  close(): Promise<void>;
}

export async function createApp(config: Config): Promise<App> {
  // Validate all content before touching the database: invalid content means no server, not part of one.
  const content = await loadContent(config.contentDir);
  assertValid(content);
  const db = await openDatabase(config.database);
  let auth: AuthGateway | null = null;
  try {
    if (config.mode === 'server') {
      // Server mode runs as the app role, which cannot change the schema: `loopcoach migrate` does that as the owner.
      const roleProblems = await checkServerRole(db);
      if (roleProblems.length > 0) {
        const lines = roleProblems.map((p) => `${p.object}: ${p.problem}`);
        throw new AppError('CONFIG_INVALID', `server mode refuses to start:\n  ${lines.join('\n  ')}`, lines);
      }
      const pending = await pendingMigrations(db, migrationsDir());
      if (pending.length > 0) {
        throw new AppError('CONFIG_INVALID', `the database schema is behind (${pending.join(', ')} not applied): run "loopcoach migrate" with MIGRATION_DATABASE_URL set to the owner role`);
      }
    } else {
      await migrate(db, migrationsDir());
    }
    const isolation = await checkTenantCatalog(db);
    if (isolation.length > 0) {
      const lines = isolation.map((p) => `${p.object}: ${p.problem}`);
      throw new AppError('CONFIG_INVALID', `tenant isolation check failed; refusing to start:\n  ${lines.join('\n  ')}`, lines);
    }
    let sync: SyncReport;
    if (config.mode === 'server') {
      sync = await contentDrift(db, content);
      const behind = sync.roles.inserted + sync.roles.updated + sync.roles.removed + sync.questions.inserted + sync.questions.updated + sync.questions.removed;
      if (behind > 0) throw new AppError('CONFIG_INVALID', `the stored content differs from the content files in ${String(behind)} place${behind === 1 ? '' : 's'}: run "loopcoach migrate" (it syncs content as the owner)`);
    } else {
      sync = await syncContent(db, content);
    }
    const localTenantId = config.mode === 'local' ? await ensureLocalTenant(db) : null;
    let accounts: AccountsService;
    if (localTenantId !== null) {
      accounts = createLocalAccounts(localTenantId);
    } else {
      if (config.database.kind !== 'postgres' || config.auth === null) throw new AppError('CONFIG_INVALID', 'server mode needs DATABASE_URL and BETTER_AUTH_SECRET');
      // Accounts: better-auth on the same PostgreSQL settings, its hooks calling the account rules.
      auth = createAuth({ databaseUrl: config.database.url, config: config.auth, hooks: createAccountHooks({ db }) });
      try {
        await auth.checkSchema();
      } catch (err) {
        throw new AppError('CONFIG_INVALID', `the account tables do not match what better-auth writes; run "loopcoach migrate":\n  ${(err as Error).message}`);
      }
      accounts = createServerAccounts({ db, sessions: auth.sessions, trustedOrigins: [config.auth.baseURL, ...config.auth.trustedOrigins] });
    }
    // The bank and the scorer work on the checked content in memory: the same documents the database was just synced
    // from. Each request's bank adds its organization's own questions and guides (features/org-content).
    const questions = content.questions.map((q) => q.value);
    const orgContent = createOrgContentService({ db, shipped: { questions, guides: content.roles.map((r) => r.value) } });
    const scorer = createScorer(questions);
    // Whose rows an actor may read inside its tenant consults the memberships (empty in local mode).
    const directory = createMemberDirectory({ db });
    return {
      config,
      db,
      localTenantId,
      accounts,
      auth,
      sync,
      services: {
        orgContent,
        roles: createRolesService({ content: orgContent }),
        questions: createQuestionsService({ db, content: orgContent }),
        saved: createSavedService({ db, bankOf: orgContent.bankOf }),
        plans: createPlansService({ db, directory, bankOf: orgContent.bankOf, clock: () => new Date() }),
        practice: createPracticeService({ db, directory, bankOf: orgContent.bankOf, scorer, clock: () => new Date() }),
      },
      readiness: () => countContent(db),
      async close() {
        await auth?.close();
        await db.close();
      },
    };
  } catch (err) {
    await auth?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw err;
  }
}
