/** Finds Debian's Chromium for playwright-core. Tests skip without it, unless LOOPCOACH_REQUIRE_BROWSER=1 (CI). */
import { existsSync } from 'node:fs';

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p)) ?? null;
}

export const browserRequired = (): boolean => process.env.LOOPCOACH_REQUIRE_BROWSER === '1';

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
