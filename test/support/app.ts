/** Builds the real app (real content, real database, in memory) and its HTTP server for end-to-end tests. */
import { createApp, type App } from '../../src/app.js';
import { buildServer } from '../../src/http/server.js';
import type { Api } from '../../src/http/types.js';
import { resolveConfig } from '../../src/infra/config.js';

export interface TestServer {
  app: App;
  api: Api;
  close(): Promise<void>;
}

export async function startTestServer(overrides: { contentDir?: string; databaseUrl?: string } = {}): Promise<TestServer> {
  const env = overrides.databaseUrl ? { DATABASE_URL: overrides.databaseUrl } : {};
  const app = await createApp(resolveConfig({ memory: !overrides.databaseUrl, contentDir: overrides.contentDir }, env));
  const api = await buildServer(app);
  await api.ready();
  return {
    app,
    api,
    async close() {
      await api.close();
      await app.close();
    },
  };
}
