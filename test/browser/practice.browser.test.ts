/**
 * Practice in a real browser: start a backend practice session, answer its first question in full sentences, get the
 * score with the answer's key points marked, answer the follow-up, then find the answer on the progress page (trend
 * chart, recent answers) and open it again. Interview mode shows a running countdown and no hints.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { browserSkipReason, screenshotDir, useBrowserFixture } from '../support/browser.js';

const skip = browserSkipReason();

/** The first question of a fresh backend session (the recruiter screen's first unpractised question). */
const FIRST_QUESTION = 'What kind of backend work do you want to do next?';

const ANSWER = [
  'The kind of problems I want next are correctness-critical systems, where data integrity matters more than raw speed.',
  'I found that out last year when I picked up our billing service after its owner left, and getting renewals exactly right across time zones was my most satisfying work.',
  'Next I want to own a service end to end and grow into leading projects across teams, staying an individual contributor rather than moving into management.',
  'I am less excited by work that is only maintenance with no room to improve things.',
  'This role fits because your posting says the team owns the payments systems, which lines up with what I enjoyed.',
  'Can I ask how the work splits between new work versus keeping existing services healthy?',
].join(' ');

const FOLLOW_UP = [
  'For example, at my current company I owned the subscription billing service end to end for a year.',
  'I cut failed renewals from four percent to under one percent by making retries idempotent, because double charges were our most expensive support problem.',
].join(' ');

describe('practice with feedback, and the progress dashboard, in Chromium', { skip }, () => {
  const ctx = useBrowserFixture();

  it('answers the first question of a backend session, shows the score and marked key points, then the progress page', async () => {
    const page = await ctx().browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${ctx().base}/practice?role=backend&mode=practice&level=senior`);
    await page.getByRole('button', { name: 'Start practising' }).click();
    await page.waitForURL(/\/practice\/sessions\/[0-9a-f-]{36}$/);

    const title = page.locator('.runner__title');
    await title.waitFor();
    assert.equal(await title.innerText(), FIRST_QUESTION, 'a fresh backend session starts with the recruiter screen');
    assert.equal(await page.getByRole('timer').count(), 0, 'practice mode has no clock');
    await page.getByRole('button', { name: /Show a hint/ }).click();
    assert.equal(await page.locator('.hints li').count(), 1, 'one hint is revealed');

    await page.getByLabel('Your answer').fill(ANSWER);
    await page.getByRole('button', { name: 'Submit answer' }).click();
    const feedback = page.getByRole('heading', { name: 'Your feedback' });
    await feedback.waitFor();
    assert.ok(await feedback.evaluate((el) => el === document.activeElement), 'focus moves to the feedback');

    const score = Number(await page.locator('.score-ring__value').first().innerText());
    assert.ok(score >= 50 && score <= 100, `a real answer scores well (got ${String(score)})`);
    const mark = page.locator('.annotated__text mark.answer-mark--hit').first();
    await mark.waitFor();
    assert.ok(await mark.isVisible());
    assert.match((await mark.getAttribute('title')) ?? '', /^Key point \d+: .{10,}/, 'a mark is labelled with its rubric point');
    const marked = await page.locator('.annotated__text mark').allInnerTexts();
    assert.ok(marked.every((t) => ANSWER.includes(t) && t === t.trim()), 'marks hold the answer’s own words, without stray spaces');
    const main = await page.locator('main').innerText();
    assert.match(main, /Key points you made/);
    assert.match(main, /Next review:/);
    assert.match(main, /The interviewer’s follow-up/);

    // The model answer is there, collapsed behind its button.
    const modelButton = page.getByRole('button', { name: 'Show the model answer' });
    assert.equal(await modelButton.getAttribute('aria-expanded'), 'false');
    await modelButton.click();
    assert.ok(await page.locator('.model-answer__body .prose').isVisible());

    // The follow-up is scored against the same question.
    await page.getByRole('button', { name: 'Answer the follow-up' }).click();
    await page.getByLabel('Your reply to the follow-up').fill(FOLLOW_UP);
    await page.getByRole('button', { name: 'Score my reply' }).click();
    await page.getByRole('heading', { name: 'Your follow-up reply' }).waitFor();
    assert.equal(await page.locator('.follow-up-result .score-ring__value').count(), 1);
    await page.screenshot({ path: join(screenshotDir, 'practice-feedback.png'), fullPage: true });

    // The next question of the session comes up, with the title focused.
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByText('1 of 5 answered').waitFor();
    assert.notEqual(await title.innerText(), FIRST_QUESTION);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
    await page.waitForURL(/\/progress$/);
    const trend = page.getByRole('img', { name: /Average score per day/ });
    await trend.waitFor();
    await trend.locator('.recharts-line-dot').first().waitFor(); // one day so far: the line is a single point
    assert.ok(await page.getByRole('img', { name: /Readiness per stage/ }).isVisible());
    assert.ok(await page.getByRole('img', { name: /Mastery per skill/ }).isVisible());
    const table = page.getByRole('table', { name: 'Average score per day' });
    assert.equal(await table.locator('tbody tr').count(), 1, 'the chart’s data table has today');

    const recent = page.getByRole('list', { name: 'Recent answers' });
    const attemptLink = recent.getByRole('link', { name: FIRST_QUESTION });
    assert.ok(await recent.innerText().then((t) => t.includes(String(score))), 'the recent answer shows its score');
    await page.screenshot({ path: join(screenshotDir, 'progress.png'), fullPage: true });
    await attemptLink.click();
    await page.waitForURL(/\/attempts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Feedback on this answer' }).waitFor();
    assert.ok(await page.locator('.annotated__text mark').first().isVisible());
    await page.close();
  });

  it('shows a running countdown and no hints in interview mode, on a phone', async () => {
    const page = await ctx().browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.clock.install(); // time flows as usual until fast-forwarded
    await page.goto(`${ctx().base}/practice?role=backend&mode=interview&level=senior`);
    assert.equal(await page.getByRole('radio', { name: /Interview/ }).isChecked(), true, 'the address picks the mode');
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await page.waitForURL(/\/practice\/sessions\//);
    const timer = page.getByRole('timer', { name: 'Time left' });
    await timer.waitFor();
    const first = await timer.innerText();
    assert.match(first, /^\d+:\d\d$/);
    await page.waitForFunction((start) => document.querySelector('[role="timer"]')?.textContent !== start, first, { timeout: 5000 });
    assert.equal(await page.getByRole('button', { name: /Show a hint/ }).count(), 0, 'no hints in interview mode');
    assert.equal(await page.getByRole('button', { name: /answer framework/ }).count(), 0, 'no framework in interview mode');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page overflows by ${String(overflow)} px`);
    await page.screenshot({ path: join(screenshotDir, 'practice-interview.png') });

    // Past the budget the clock counts the overrun, says so once, and still lets the answer be sent.
    await page.clock.fastForward(91 * 60_000); // beyond any question's budget (at most 90 minutes)
    const over = page.getByRole('timer', { name: 'Over time' });
    await over.waitFor();
    assert.match(await over.innerText(), /^\+\d+:\d\d/);
    assert.match(await page.locator('.countdown [role="status"]').innerText(), /Time is up/);
    await page.close();
  });

  it('sends a retried answer with the same idempotency key after a failed submit', async () => {
    const page = await ctx().browser.newPage({ viewport: { width: 1280, height: 900 } });
    const keys: string[] = [];
    await page.route('**/api/attempts', async (route) => {
      keys.push((await route.request().headerValue('idempotency-key')) ?? '');
      if (keys.length === 1) await route.abort('connectionreset');
      else await route.continue();
    });
    await page.goto(`${ctx().base}/questions/backend/backend-work-you-want-next`);
    await page.getByRole('link', { name: /Practise this question/ }).click();
    await page.waitForURL(/\/practice\/question\/backend\/backend-work-you-want-next$/);
    await page.getByRole('button', { name: 'Start practising' }).click();
    await page.getByLabel('Your answer').fill(ANSWER);
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your answer was not recorded' }).waitFor();
    assert.equal(await page.getByLabel('Your answer').inputValue(), ANSWER, 'the answer is kept');
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('heading', { name: 'Your feedback' }).waitFor();
    assert.equal(keys.length, 2);
    assert.match(keys[0] ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(keys[1], keys[0], 'the retry reuses the key, so the server records the answer once');
    await page.close();
  });
});
