/**
 * The organization's own content in a real browser (local mode, where the one user edits it): write a question from
 * the editor's example, see every problem of a broken one beside the editor with its line, find the question in the
 * lists with its badge, open and practise it, edit it and delete it; add a role guide, see it among the role guides,
 * and be told why it cannot be deleted while a question uses it.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkipReason, screenshotDir, useBrowserFixture } from '../support/browser.js';

const skip = browserSkipReason();

const TITLE = 'Design the audit log for our admin console';
const SLUG = 'admin-console-audit-log';
const BADGE = 'Your own'; // local mode's words; server mode says "Your organization"

const ANSWER = [
  'First I would ask who reads the audit log and why: security investigates incidents, support answers who changed an account, and auditors sample entries, so I would ask how long we keep it, the retention period, and which personal data is in the entries.',
  'The table is append only: one row per action with who did it and to which customer, the action, the before and after values, a timestamp and a required reason or ticket number.',
  'The entry is written in the same transaction as the refund or plan change, so the change and its entry commit together or roll back together; there is never a change without its entry.',
  'The console reads it newest first, with filters by customer, by staff member and by action over a time range, using cursor pagination and an index on customer and time.',
  'To make tampering visible the application role has no update or delete permission on the table, each entry carries a hash chain over the previous one, entries are exported nightly to write once storage, and we alert if the chain breaks.',
].join(' ');

/** 1-based line of the first line of `text` starting with `prefix`. */
const lineOf = (text: string, prefix: string): number => text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

describe('the organization’s own questions and role guides in Chromium', { skip }, () => {
  const ctx = useBrowserFixture();

  const newPage = async (width = 1280): Promise<Page> => {
    const page = await ctx().browser.newPage({ viewport: { width, height: 900 } });
    page.on('dialog', (dialog) => void dialog.accept()); // the delete confirmations
    return page;
  };

  const caretLine = (page: Page): Promise<number> =>
    page.evaluate(() => {
      const area = document.activeElement;
      if (!(area instanceof HTMLTextAreaElement)) return -1;
      return area.value.slice(0, area.selectionStart).split('\n').length;
    });

  it('creates a question from the example, shows every problem of a broken one, then edits, practises and deletes it', async () => {
    const page = await newPage();
    await page.goto(`${ctx().base}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your content' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your content' }).waitFor();
    assert.equal(await page.getByRole('tab', { name: /Questions/ }).getAttribute('aria-selected'), 'true');
    await page.getByText('No questions of your own yet').waitFor();

    await page.getByRole('link', { name: 'New question' }).first().click();
    await page.waitForURL(/\/content\/questions\/new$/);
    const editor = page.getByLabel('Question in Markdown');
    const template = await editor.inputValue();
    assert.match(template, /^---\n/, 'the editor starts with the example question');
    assert.match(template, new RegExp(`\\nslug: ${SLUG}\\n`));

    // A broken question: a rubric point with one two-letter-short signal, and a time budget over the limit.
    const broken = template
      .replace('      - who reads the audit log\n      - how long do we keep it\n      - retention period\n      - personal data in the entries\n', '      - x\n')
      .replace('timeBudgetMinutes: 40', 'timeBudgetMinutes: 400');
    assert.notEqual(broken, template);
    await editor.fill(broken);
    await page.getByRole('button', { name: 'Save question' }).click();
    const problemsHeading = page.getByRole('heading', { name: /^Not saved: 3 problems to fix$/ });
    await problemsHeading.waitFor();
    // The editor moves focus on the next animation frame after it renders the problems.
    await page.waitForFunction((el) => el === document.activeElement, await problemsHeading.elementHandle(), { timeout: 5_000 }).catch(() => undefined);
    assert.ok(await problemsHeading.evaluate((el) => el === document.activeElement), 'focus moves to the problems');
    const problems = page.getByRole('list', { name: 'Problems in the question' }).getByRole('listitem');
    assert.equal(await problems.count(), 3);
    const texts = await problems.allInnerTexts();
    const budgetLine = lineOf(broken, 'timeBudgetMinutes:');
    assert.ok(texts.some((t) => t.includes(`Line ${String(budgetLine)}`) && t.includes('timeBudgetMinutes')), `the time budget is named with its line: ${texts.join(' | ')}`);
    assert.ok(texts.some((t) => t.includes('rubric[0].signals[0]') && /at least 2 characters/.test(t)));
    assert.ok(texts.some((t) => /rubric\[0\]\.signals\b(?!\[)/.test(t)));
    assert.equal(await editor.getAttribute('aria-invalid'), 'true');
    await page.screenshot({ path: join(screenshotDir, 'org-content-problems.png'), fullPage: false });

    // A line number takes the caret to that line.
    await page.getByRole('button', { name: `Go to line ${String(budgetLine)}` }).click();
    assert.equal(await caretLine(page), budgetLine);
    assert.match(await page.locator('.content-editor__position').innerText(), new RegExp(`^Line ${String(budgetLine)}, column 1`));

    // A problem found across documents (an unknown stage) has no line from the server: the editor finds its field.
    const badStage = template.replace('stage: api-schema-design', 'stage: take-home-review');
    await editor.fill(badStage);
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByRole('heading', { name: 'Not saved: 1 problem to fix' }).waitFor();
    const stageProblem = await page.getByRole('list', { name: 'Problems in the question' }).innerText();
    assert.match(stageProblem, /stage "take-home-review" is not in the backend loop/);
    assert.match(stageProblem, new RegExp(`Line ${String(lineOf(badStage, 'stage:'))}`));

    // Beside the editor: the guides the workspace sees, with the stage ids a question may name.
    await page.getByText('Role guides and their stages', { exact: true }).click();
    await page.locator('.editor-guides').getByText('api-schema-design', { exact: true }).first().waitFor();

    // The example as it is saves; the list says so and shows it with its badge.
    await editor.fill(template);
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.waitForURL(/\/content$/);
    await page.getByRole('status').filter({ hasText: `Added the question “${TITLE}”.` }).waitFor();
    const item = page.getByRole('list', { name: 'Your questions' }).getByRole('listitem').filter({ hasText: TITLE });
    await item.waitFor();
    assert.ok(await item.getByText(BADGE, { exact: true }).isVisible());
    assert.match(await item.innerText(), /Backend Developer · API and schema design/);
    assert.match(await item.innerText(), /Updated /);
    await page.screenshot({ path: join(screenshotDir, 'org-content-list.png'), fullPage: true });

    // In the question bank, beside the shipped questions, with the badge.
    await page.goto(`${ctx().base}/questions?q=audit%20log`);
    const result = page.locator(`[data-question-id="org/${SLUG}"]`);
    await result.waitFor();
    assert.ok(await result.getByText(BADGE, { exact: true }).isVisible());
    await result.getByRole('link', { name: /^Open page/ }).click();

    // Its own page, then practice with feedback.
    await page.waitForURL(new RegExp(`/questions/org/${SLUG}$`));
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    assert.ok(await page.locator('.question-page header').getByText(BADGE, { exact: true }).isVisible());
    // The breadcrumb names its home guide once the guide has loaded (after the question: its id does not say which).
    await page.getByRole('link', { name: 'Backend Developer', exact: true }).first().waitFor({ timeout: 10_000 });
    assert.ok(await page.getByRole('link', { name: 'Backend Developer', exact: true }).first().isVisible(), 'the breadcrumb names its home guide');
    await page.getByRole('link', { name: /Practise this question/ }).click();
    await page.waitForURL(new RegExp(`/practice/question/org/${SLUG}$`));
    await page.getByRole('button', { name: 'Start practising' }).click();
    await page.getByLabel('Your answer').fill(ANSWER);
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('heading', { name: 'Your feedback' }).waitFor();
    const score = Number(await page.locator('.score-ring__value').first().innerText());
    assert.ok(score >= 50 && score <= 100, `an answer that hits the rubric scores well (got ${String(score)})`);
    assert.match(await page.locator('main').innerText(), /Key points you made/);

    // Edit: the editor loads the saved Markdown; the new title shows in the list.
    await page.goto(`${ctx().base}/content`);
    await item.getByRole('link', { name: /^Edit/ }).click();
    await page.waitForURL(new RegExp(`/content/questions/${SLUG}/edit$`));
    await page.getByRole('heading', { level: 1, name: `Edit “${TITLE}”` }).waitFor();
    const saved = await editor.inputValue();
    assert.match(saved, new RegExp(`slug: ${SLUG}`));
    const renamed = 'Design the audit trail for our admin console';
    await editor.fill(saved.replace(`title: ${TITLE}`, `title: ${renamed}`));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/content$/);
    await page.getByRole('status').filter({ hasText: `Saved the question “${renamed}”.` }).waitFor();
    const renamedItem = page.getByRole('list', { name: 'Your questions' }).getByRole('listitem').filter({ hasText: renamed });
    await renamedItem.getByRole('link', { name: renamed, exact: true }).waitFor();

    // Delete, after the confirmation.
    await renamedItem.getByRole('button', { name: /^Delete/ }).click();
    await page.getByRole('status').filter({ hasText: `Deleted the question “${renamed}”.` }).waitFor();
    await page.getByText('No questions of your own yet').waitFor();
    const gone = await page.request.get(`${ctx().base}/api/questions/org/${SLUG}`);
    assert.equal(gone.status(), 404);
    await page.close();
  });

  it('adds a role guide, shows it among the role guides, and explains why it cannot be deleted while a question uses it', async () => {
    const page = await newPage();
    await page.goto(`${ctx().base}/content?tab=roles`);
    assert.equal(await page.getByRole('tab', { name: /Role guides/ }).getAttribute('aria-selected'), 'true');
    await page.getByRole('link', { name: 'New role guide' }).first().click();
    await page.waitForURL(/\/content\/roles\/new$/);
    const editor = page.getByLabel('Role guide in Markdown');
    assert.match(await editor.inputValue(), /\nslug: platform-engineer\n/);
    await page.screenshot({ path: join(screenshotDir, 'org-content-editor.png'), fullPage: false });
    await page.getByRole('button', { name: 'Save role guide' }).click();
    await page.waitForURL(/\/content\?tab=roles$/);
    await page.getByRole('status').filter({ hasText: 'Added the role guide “Platform Engineer”.' }).waitFor();
    const item = page.getByRole('list', { name: 'Your role guides' }).getByRole('listitem').filter({ hasText: 'Platform Engineer' });
    assert.match(await item.innerText(), /4 stages in the loop/);

    // The same slug again is refused (409), and the editor says what to do.
    await page.getByRole('link', { name: 'New role guide' }).first().click();
    await page.getByRole('button', { name: 'Save role guide' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not saved: you already have a role guide with the slug “platform-engineer”' }).waitFor();
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.waitForURL(/\/content\?tab=roles$/);

    // Among the role guides on the home page, with its badge, and its own guide page.
    await page.getByRole('link', { name: 'Guides', exact: true }).click();
    const card = page.locator('.role-card').filter({ has: page.getByRole('link', { name: 'Platform Engineer', exact: true }) });
    await card.waitFor();
    assert.ok(await card.getByText(BADGE, { exact: true }).isVisible());
    await card.getByRole('link', { name: 'Platform Engineer', exact: true }).click();
    await page.waitForURL(/\/roles\/org-platform-engineer$/);
    await page.getByRole('heading', { level: 1, name: 'Platform Engineer interview guide' }).waitFor();
    assert.ok(await page.locator('.guide-header').getByText(BADGE, { exact: true }).isVisible());
    assert.ok(await page.getByRole('link', { name: 'Edit this guide' }).isVisible());

    // A question asked in the guide's own loop; the guide cannot go while it is there (409, shown by the item).
    await page.goto(`${ctx().base}/content/questions/new`);
    const questionEditor = page.getByLabel('Question in Markdown');
    const template = await questionEditor.inputValue();
    await questionEditor.fill(
      template
        .replace('slug: admin-console-audit-log', 'slug: preview-environments')
        .replace('title: Design the audit log for our admin console', 'title: Design preview environments for every pull request')
        .replace('roles: [backend]', 'roles: [org-platform-engineer]')
        .replace('stage: api-schema-design', 'stage: infrastructure-design'),
    );
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.waitForURL(/\/content$/);
    await page.getByRole('list', { name: 'Your questions' }).getByText('Platform Engineer · Infrastructure design').waitFor();

    await page.getByRole('tab', { name: /Role guides/ }).click();
    await item.getByRole('button', { name: /^Delete/ }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Not deleted' });
    await refused.waitFor();
    assert.match(await refused.innerText(), /org\/preview-environments/);
    await page.screenshot({ path: join(screenshotDir, 'org-content-guides.png'), fullPage: true });
    await page.close();
  });

  it('fits a 375 px phone screen without horizontal scrolling, list and editor', async () => {
    const page = await newPage(375);
    for (const path of ['/content', '/content/questions/new']) {
      await page.goto(`${ctx().base}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${path} overflows by ${String(overflow)} px`);
    }
    await page.screenshot({ path: join(screenshotDir, 'org-content-editor-phone.png') });
    await page.close();
  });
});
