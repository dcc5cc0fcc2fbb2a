/**
 * Tailoring in a real browser: paste a posting, get the plan page with the predicted loop, ranked questions whose
 * "why" quotes the posting, coverage and gaps; and a clear error for a posting that is too short.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { webDistDir } from '../../src/infra/paths.js';
import { browserRequired, chromiumPath, CHROMIUM_ARGS } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/app.js';

const executablePath = chromiumPath();
const webBuilt = existsSync(join(webDistDir(), 'index.html'));
const skip = executablePath === null ? 'Chromium not found (apt-get install chromium)' : !webBuilt ? 'web UI not built (npm run build:web)' : false;
if (skip && browserRequired()) throw new Error(`browser test required but cannot run: ${skip}`);

const outDir = join(import.meta.dirname, '..', '..', 'test-results');

describe('a prep plan from a pasted posting, in Chromium', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let base: string;

  before(async () => {
    server = await startTestServer();
    await server.api.listen({ port: 0, host: '127.0.0.1' });
    const addr = server.api.server.address();
    base = `http://127.0.0.1:${String(typeof addr === 'object' && addr ? addr.port : 0)}`;
    browser = await chromium.launch({ executablePath: executablePath ?? undefined, args: CHROMIUM_ARGS });
    await mkdir(outDir, { recursive: true });
  });
  after(async () => {
    await browser.close();
    await server.close();
  });

  it('turns a pasted posting into a plan page with the loop, ranked questions and quoted reasons', async () => {
    const posting = await readFile(join(import.meta.dirname, '..', 'fixtures', 'posting-payments.md'), 'utf8');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/plans/new`);
    await page.getByLabel('Job description').fill(posting);
    await page.getByRole('button', { name: 'Build my prep plan' }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    const loop = page.getByRole('list', { name: 'Predicted loop' });
    await loop.waitFor();
    assert.ok((await loop.getByRole('listitem').count()) >= 5);
    const body = await page.locator('main').innerText();
    assert.match(body, /PostgreSQL/);
    assert.match(body, /“[^”]{10,}”/, 'a reason quotes the posting');
    await page.screenshot({ path: join(outDir, 'plan.png') });
    await page.close();
  });

  it('shows the API’s message for a posting that is too short', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${base}/plans/new`);
    await page.getByLabel('Job description').fill('Senior engineer wanted');
    await page.getByRole('button', { name: 'Build my prep plan' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /words/ });
    await alert.waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page overflows by ${String(overflow)} px`);
    await page.close();
  });
});
