/**
 * Server mode in a real browser, on a real PostgreSQL server set up as in production (migrated by the owner, served
 * as a login role that can only assume the app role): create an account, see the personal workspace, create an
 * organization, invite a second email, sign out, create the second account, accept the invitation and switch
 * organizations in the header; the API's errors next to the forms; an ended session sends the user to sign in and
 * back.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp, type App } from '../../src/app.js';
import { runMigrate } from '../../src/cli/migrate.js';
import { buildServer } from '../../src/http/server.js';
import type { Api } from '../../src/http/types.js';
import { resolveConfig } from '../../src/infra/config.js';
import { browserSkipReason, chromiumPath, CHROMIUM_ARGS, screenshotDir } from '../support/browser.js';
import { startTestPostgres, type TestPostgres } from '../support/postgres-server.js';

const skip = browserSkipReason();
const SECRET = 'browser-accounts-test-secret-long-enough-to-sign';
const PASSWORD = 'correct horse battery';

const as = (url: string, user: string): string => {
  const u = new URL(url);
  u.username = user;
  u.password = 'pw';
  return u.toString();
};

/** A free loopback port, known before the app starts: BETTER_AUTH_URL (the trusted origin) must name it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => {
        resolve(port);
      });
    });
  });
}

async function sql(url: string, statements: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
}

/** The header's organization switcher: its button names the organization requests act for, and the role there. */
const switcher = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Working in / });

async function signUp(page: Page, name: string, email: string): Promise<void> {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
}

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function openMenuAndChoose(page: Page, name: string | RegExp, role: 'button' | 'link' = 'button'): Promise<void> {
  await switcher(page).click();
  await page.getByRole('banner').getByRole(role, { name }).click();
}

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('accounts and organizations in server mode, in Chromium', { skip }, () => {
  let pgServer: TestPostgres | undefined;
  let app: App | undefined;
  let api: Api | undefined;
  let browser: Browser | undefined;
  let base = '';

  before(async () => {
    pgServer = await startTestPostgres();
    const superUrl = await pgServer.createDatabase(`browser_accounts_${String(process.pid)}`);
    const db = new URL(superUrl).pathname.slice(1);
    await sql(superUrl, [
      `create role lc_owner login createrole password 'pw'`,
      `alter database "${db}" owner to lc_owner`,
      'alter schema public owner to lc_owner',
      `create role lc_server login nosuperuser nobypassrls password 'pw'`,
    ]);
    await runMigrate({ kind: 'postgres', url: as(superUrl, 'lc_owner') });
    await sql(superUrl, ['grant loopcoach_app to lc_server']);
    const port = await freePort();
    base = `http://127.0.0.1:${String(port)}`;
    app = await createApp(
      resolveConfig(
        { mode: 'server' },
        { DATABASE_URL: as(superUrl, 'lc_server'), BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: base, LOOPCOACH_AUTH_RATE_LIMIT: 'off' },
      ),
    );
    api = await buildServer(app);
    await api.listen({ port, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: CHROMIUM_ARGS });
    await mkdir(screenshotDir, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await api?.close();
    await app?.close();
    await pgServer?.stop();
  });
  const chromiumBrowser = (): Browser => {
    if (!browser) throw new Error('Chromium is not started');
    return browser;
  };

  it('creates an account, an organization and an invitation; a second account accepts it and switches organizations', async () => {
    const context = await chromiumBrowser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    // Signed out, a page sends the user to sign in, remembering where they were going.
    await page.goto(`${base}/plans`);
    await page.waitForURL(/\/sign-in\?next=%2Fplans$/);
    await page.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL(/\/sign-up\?next=%2Fplans$/);
    await signUp(page, 'Alice Owner', 'alice@example.com');
    await page.waitForURL(/\/plans$/);
    await page.getByRole('heading', { level: 1, name: 'Prep plans' }).waitFor();
    assert.match((await switcher(page).textContent()) ?? '', /Personal workspace/);

    // Create an organization: it becomes the one requests act for.
    await openMenuAndChoose(page, 'Manage organizations', 'link');
    await page.waitForURL(/\/organization$/);
    await page.getByLabel('Organization name').fill('Acme Coaching');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('status').filter({ hasText: 'Created “Acme Coaching”' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Acme Coaching' }).waitFor();
    assert.equal(await switcher(page).getAttribute('aria-expanded'), 'false');
    await page.getByRole('banner').getByRole('button', { name: 'Working in Acme Coaching as Owner' }).waitFor();

    // Invite a second email as a member; the invitation id is shown to pass on.
    await page.getByLabel('Email').fill('bob@example.com');
    await page.getByLabel('Role').selectOption('member');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const created = page.getByRole('status').filter({ hasText: 'Invitation created for bob@example.com' });
    await created.waitFor();
    const invitationId = ((await created.locator('code').textContent()) ?? '').trim();
    assert.match(invitationId, /^[0-9a-f-]{36}$/);
    await page.getByRole('list', { name: 'Pending invitations to Acme Coaching' }).getByText('bob@example.com').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'organization.png'), fullPage: true });

    // Sign out.
    await openMenuAndChoose(page, 'Sign out');
    await page.waitForURL(/\/sign-in$/);
    await page.getByText('You have signed out.').waitFor();

    // The second account accepts the invitation and is a member of Acme.
    await page.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
    await signUp(page, 'Bob Member', 'bob@example.com');
    await switcher(page).waitFor();
    assert.match((await switcher(page).textContent()) ?? '', /Personal workspace/);
    await openMenuAndChoose(page, 'Manage organizations', 'link');
    await page.getByLabel('Invitation id').fill(invitationId);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.getByRole('status').filter({ hasText: 'You joined “Acme Coaching” as a member' }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Working in Acme Coaching as Member' }).waitFor();
    const members = page.getByRole('list', { name: 'Members of Acme Coaching' });
    await members.getByText('Alice Owner').waitFor();
    await members.getByText('Bob Member').waitFor();

    // Switch organizations in the header: the switcher lists both, with the role in each, and names the active one.
    await switcher(page).click();
    const choices = page.getByRole('banner').getByRole('list', { name: 'Switch organization' }).getByRole('button');
    assert.deepEqual(await choices.allInnerTexts().then((t) => t.map((s) => s.replace(/\s+/g, ' ').trim())), [
      'Personal workspace Owner',
      'Acme Coaching Member',
    ]);
    await choices.filter({ hasText: 'Personal workspace' }).click();
    await page.getByRole('banner').getByRole('button', { name: 'Working in Personal workspace as Owner' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Personal workspace' }).waitFor();

    // Switching loads the page's data again, for the organization now active: a question saved in the personal
    // workspace is not saved in Acme.
    const saved = await page.evaluate(async () => {
      const res = await fetch('/api/saved/backend%2Fisolation-levels', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"note":""}' });
      return res.status;
    });
    assert.equal(saved, 200);
    await page.goto(`${base}/saved`);
    const savedList = page.getByRole('list', { name: 'Saved questions' });
    await savedList.waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Saved\W+1 saved\W*$/ }).waitFor();
    await openMenuAndChoose(page, /^Acme Coaching/);
    await page.getByRole('banner').getByRole('button', { name: 'Working in Acme Coaching as Member' }).waitFor();
    assert.equal(await switcher(page).evaluate((el) => el === document.activeElement), true, 'focus returns to the switcher');
    await page.getByRole('status').filter({ hasText: 'Now working in Acme Coaching.' }).waitFor({ state: 'attached' });
    await page.getByRole('main').getByText('Nothing saved yet.', { exact: false }).waitFor();
    assert.equal(await savedList.count(), 0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Saved', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('banner').getByRole('button', { name: 'Working in Acme Coaching as Member' }).waitFor();
    await context.close();
  });

  it('shows the API’s error next to the sign-in form, and fits a phone', async () => {
    const context = await chromiumBrowser().newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await signIn(page, 'alice@example.com', 'not the password');
    const alert = page.getByRole('alert').filter({ hasText: /invalid email or password/i });
    await alert.waitFor();
    assert.ok((await overflow(page)) <= 1, 'the sign-in page overflows');
    await signIn(page, 'alice@example.com');
    await switcher(page).waitFor();
    await page.goto(`${base}/organization`);
    await page.getByRole('heading', { level: 1, name: 'Organizations' }).waitFor();
    await switcher(page).click();
    const panel = page.getByRole('banner').getByRole('list', { name: 'Switch organization' });
    await panel.waitFor();
    const box = await panel.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 375, 'the switcher fits the screen');
    assert.ok((await overflow(page)) <= 1, 'the organization page overflows');
    await page.screenshot({ path: join(screenshotDir, 'organization-phone.png') });
    await page.keyboard.press('Escape');
    assert.equal(await switcher(page).getAttribute('aria-expanded'), 'false');
    await context.close();
  });

  it('sends the user to sign in when the session ends, and back to the page afterwards', async () => {
    const context = await chromiumBrowser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await signIn(page, 'bob@example.com');
    await switcher(page).waitFor();
    await context.clearCookies();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
    await page.waitForURL(/\/sign-in\?next=%2Fprogress$/);
    await page.getByText('Your session has ended').waitFor();
    await signIn(page, 'bob@example.com');
    await page.waitForURL(/\/progress$/);
    await switcher(page).waitFor();
    await context.close();
  });
});
