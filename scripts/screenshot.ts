/**
 * Regenerates the README screenshots from the real app (in-memory database, built web UI, Debian's Chromium):
 * `npm run screenshot`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { packageRoot } from '../src/infra/paths.js';
import { chromiumPath, CHROMIUM_ARGS } from '../test/support/browser.js';
import { startTestServer } from '../test/support/app.js';

const executablePath = chromiumPath();
if (!executablePath) throw new Error('Chromium not found: apt-get install chromium');
const out = join(packageRoot, 'docs', 'screenshots');
await mkdir(out, { recursive: true });
const server = await startTestServer();
await server.api.listen({ port: 0, host: '127.0.0.1' });
const addr = server.api.server.address();
const base = `http://127.0.0.1:${String(typeof addr === 'object' && addr ? addr.port : 0)}`;
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(`${base}/roles/backend`);
  await page.getByRole('list', { name: 'Interview loop' }).waitFor();
  await page.screenshot({ path: join(out, 'backend-guide.png') });
  const title = (await server.app.services.questions.get(null, 'backend/isolation-levels')).title;
  const toggle = page.getByRole('button', { name: title, exact: true });
  await toggle.click();
  await page.getByText('How to approach this').first().waitFor();
  await toggle.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
  });
  await page.screenshot({ path: join(out, 'question-framework.png') });
  console.log(`wrote ${join(out, 'backend-guide.png')} and question-framework.png`);
} finally {
  await browser.close();
  await server.close();
}
