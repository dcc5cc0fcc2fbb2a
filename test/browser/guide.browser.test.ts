/**
 * The web UI in a real browser (Debian's Chromium driven by playwright-core) against the real server on an
 * in-memory database: open the backend guide, expand a question by keyboard, search, and check the phone layout.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { webDistDir } from '../../src/infra/paths.js';
import { browserRequired, chromiumPath, CHROMIUM_ARGS } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/app.js';

const executablePath = chromiumPath();
const webBuilt = existsSync(join(webDistDir(), 'index.html'));
const skip = executablePath === null ? 'Chromium not found (apt-get install chromium)' : !webBuilt ? 'web UI not built (npm run build:web)' : false;
if (skip && browserRequired()) throw new Error(`browser test required but cannot run: ${skip}`);

const outDir = join(import.meta.dirname, '..', '..', 'test-results');

describe('the backend guide in Chromium', { skip }, () => {
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

  const openGuide = async (width: number): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${base}/roles/backend`);
    await page.getByRole('heading', { level: 1, name: /Backend Developer/ }).waitFor();
    return page;
  };

  it('lists the role guides on the home page and opens the backend guide from it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: /Backend Developer/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Backend Developer/ }).waitFor();
    assert.match(page.url(), /\/roles\/backend$/);
    await page.close();
  });

  it('shows the loop and expands a question to its framework, mistakes and follow-ups', async () => {
    const page = await openGuide(1280);
    const loop = page.getByRole('list', { name: 'Interview loop' });
    assert.ok((await loop.getByRole('listitem').count()) >= 6);

    const question = await server.app.services.questions.get('backend/idempotent-payment-api');
    const toggle = page.getByRole('button', { name: question.title, exact: true });
    await toggle.scrollIntoViewIfNeeded();
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((name) => [...document.querySelectorAll('button[aria-expanded="true"]')].some((b) => b.textContent.includes(name)), question.title);
    const firstStep = question.approach[0]?.step ?? '';
    await page.getByText(firstStep).first().waitFor();
    for (const heading of ['How to approach this', 'Common mistakes', 'Likely follow-ups']) {
      assert.ok(await page.getByText(heading).first().isVisible(), `${heading} is visible`);
    }
    await page.screenshot({ path: join(outDir, 'backend-guide.png'), fullPage: false });
    await page.close();
  });

  it('searches the questions as you type', async () => {
    const page = await openGuide(1280);
    const rate = await server.app.services.questions.get('backend/rate-limiter-design');
    await page.getByRole('searchbox').first().fill('rate limit');
    await page.getByRole('button', { name: rate.title, exact: true }).first().waitFor();
    await page.close();
  });

  it('fits a 375 px phone screen without horizontal scrolling', async () => {
    const page = await openGuide(375);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page overflows by ${String(overflow)} px`);
    await page.screenshot({ path: join(outDir, 'backend-guide-phone.png') });
    await page.close();
  });
});
