/**
 * Tailoring in a real browser: paste a posting, get the plan page with the predicted loop, ranked questions whose
 * "why" quotes the posting, coverage and gaps; and a clear error for a posting that is too short.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { browserSkipReason, screenshotDir, useBrowserFixture } from '../support/browser.js';

const skip = browserSkipReason();

describe('a prep plan from a pasted posting, in Chromium', { skip }, () => {
  const ctx = useBrowserFixture();

  it('turns a pasted posting into a plan page with the loop, ranked questions and quoted reasons', async () => {
    const posting = await readFile(join(import.meta.dirname, '..', 'fixtures', 'posting-payments.md'), 'utf8');
    const page = await ctx().browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${ctx().base}/plans/new`);
    await page.getByLabel('Job description').fill(posting);
    await page.getByRole('button', { name: 'Build my prep plan' }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    const loop = page.getByRole('list', { name: 'Predicted loop' });
    await loop.waitFor();
    assert.ok((await loop.getByRole('listitem').count()) >= 5);
    const body = await page.locator('main').innerText();
    assert.match(body, /PostgreSQL/);
    assert.match(body, /“[^”]{10,}”/, 'a reason quotes the posting');
    await page.screenshot({ path: join(screenshotDir, 'plan.png') });
    await page.close();
  });

  it('shows the API’s message for a posting that is too short', async () => {
    const page = await ctx().browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${ctx().base}/plans/new`);
    await page.getByLabel('Job description').fill('Senior engineer wanted');
    await page.getByRole('button', { name: 'Build my prep plan' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /words/ });
    await alert.waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page overflows by ${String(overflow)} px`);
    await page.close();
  });
});
