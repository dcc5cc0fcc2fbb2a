/**
 * The web UI in a real browser (Debian's Chromium driven by playwright-core) against the real server on an
 * in-memory database: open the backend guide, expand a question by keyboard, search, and check the phone layout.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkipReason, screenshotDir, useBrowserFixture } from '../support/browser.js';

const skip = browserSkipReason();

describe('the backend guide in Chromium', { skip }, () => {
  const ctx = useBrowserFixture();

  const openGuide = async (width: number): Promise<Page> => {
    const page = await ctx().browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${ctx().base}/roles/backend`);
    await page.getByRole('heading', { level: 1, name: /Backend Developer/ }).waitFor();
    return page;
  };

  it('lists the role guides on the home page and opens the backend guide from it', async () => {
    const page = await ctx().browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${ctx().base}/`);
    await page.getByRole('link', { name: /Backend Developer/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Backend Developer/ }).waitFor();
    assert.match(page.url(), /\/roles\/backend$/);
    await page.close();
  });

  it('shows the loop and expands a question to its framework, mistakes and follow-ups', async () => {
    const page = await openGuide(1280);
    const loop = page.getByRole('list', { name: 'Interview loop' });
    assert.ok((await loop.getByRole('listitem').count()) >= 6);

    const question = await ctx().server.app.services.questions.get(null, 'backend/idempotent-payment-api');
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
    await page.screenshot({ path: join(screenshotDir, 'backend-guide.png'), fullPage: false });
    await page.close();
  });

  it('searches the questions as you type', async () => {
    const page = await openGuide(1280);
    const rate = await ctx().server.app.services.questions.get(null, 'backend/rate-limiter-design');
    await page.getByRole('searchbox').first().fill('rate limit');
    await page.getByRole('button', { name: rate.title, exact: true }).first().waitFor();
    await page.close();
  });

  it('fits a 375 px phone screen without horizontal scrolling', async () => {
    const page = await openGuide(375);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page overflows by ${String(overflow)} px`);
    await page.screenshot({ path: join(screenshotDir, 'backend-guide-phone.png') });
    await page.close();
  });
});
