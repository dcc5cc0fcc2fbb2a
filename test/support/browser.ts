/**
 * Browser tests: Debian's Chromium driven by playwright-core against the real server on an in-memory database.
 * Tests skip without Chromium or a built UI, unless LOOPCOACH_REQUIRE_BROWSER=1 (CI), where that is an error.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { webDistDir } from '../../src/infra/paths.js';
import { startTestServer, type TestServer } from './app.js';

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p)) ?? null;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const screenshotDir = join(import.meta.dirname, '..', '..', 'test-results');

/** Why browser tests cannot run here (false when they can); throws when CI requires them. */
export function browserSkipReason(): string | false {
  const reason = chromiumPath() === null ? 'Chromium not found (apt-get install chromium)' : !existsSync(join(webDistDir(), 'index.html')) ? 'web UI not built (npm run build:web)' : false;
  if (reason && process.env.LOOPCOACH_REQUIRE_BROWSER === '1') throw new Error(`browser test required but cannot run: ${reason}`);
  return reason;
}

export interface BrowserFixture {
  server: TestServer;
  browser: Browser;
  /** http://127.0.0.1:PORT of the running server. */
  base: string;
}

/** Registers before/after hooks in the current suite that start the server and Chromium, and stop them. */
export function useBrowserFixture(): () => BrowserFixture {
  let fixture: BrowserFixture | undefined;
  before(async () => {
    const server = await startTestServer();
    await server.api.listen({ port: 0, host: '127.0.0.1' });
    const addr = server.api.server.address();
    const base = `http://127.0.0.1:${String(typeof addr === 'object' && addr ? addr.port : 0)}`;
    const browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: CHROMIUM_ARGS });
    await mkdir(screenshotDir, { recursive: true });
    fixture = { server, browser, base };
  });
  after(async () => {
    await fixture?.browser.close();
    await fixture?.server.close();
  });
  return () => {
    if (!fixture) throw new Error('the browser fixture is not started');
    return fixture;
  };
}
