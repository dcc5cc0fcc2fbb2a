/** Builders for content files used by tests: valid by default, overridable field by field. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';

const para = (topic: string): string =>
  `A complete explanation of ${topic} with enough detail for a reviewer to judge it against the bar for this level.`;

export function aRoleGuide(overrides: Record<string, unknown> = {}, overview = para('the role').repeat(3)): string {
  const front = {
    id: 'testing',
    title: 'Test Engineer',
    summary: para('what test engineers are asked in interviews and how the loop is organised'),
    timeToOffer: { minWeeks: 2, maxWeeks: 5, note: 'Scheduling the onsite is what usually stretches it.' },
    difficulty: { rating: 3, label: 'Moderate', explanation: para('why the loop is moderately hard') },
    stages: [
      {
        id: 'screen',
        name: 'Screen',
        durationMinutes: 30,
        format: 'video call',
        interviewer: 'a recruiter',
        probes: ['motivation and fit', 'communication under light pressure'],
        levels: ['entry', 'mid', 'senior'],
        description: para('the screening conversation'),
        howToPrepare: ['Prepare a ninety-second story', 'Research the product and team'],
      },
      {
        id: 'design',
        name: 'Design',
        durationMinutes: 60,
        format: 'whiteboard',
        interviewer: 'a senior engineer',
        probes: ['decomposition of a vague problem', 'trade-offs stated explicitly'],
        levels: ['mid', 'senior'],
        description: para('the design round'),
        howToPrepare: ['Practise three designs out loud', 'Time-box requirements to five minutes'],
      },
    ],
    levelDifferences: [{ level: 'mid', summary: para('the mid-level bar') }],
    tips: [1, 2, 3].map((i) => ({ title: `Tip number ${String(i)}`, body: para(`tip ${String(i)}`) })),
    faq: [1, 2, 3].map((i) => ({ question: `Frequently asked ${String(i)}?`, answer: para(`answer ${String(i)}`) })),
    relatedRoles: [],
    ...overrides,
  };
  return `---\n${stringify(front)}---\n${overview}\n`;
}

export function aQuestion(overrides: Record<string, unknown> = {}, modelAnswer = para('the model answer').repeat(5)): string {
  const front = {
    id: 'testing/design-a-flaky-test-detector',
    title: 'Design a flaky test detector',
    roles: ['testing'],
    stage: 'design',
    levels: ['mid', 'senior'],
    difficulty: 'medium',
    skills: ['testing', 'system-design'],
    timeBudgetMinutes: 30,
    prompt: 'Design a service that finds flaky tests across ten thousand CI runs a day and quarantines them.',
    whyAsked: para('why interviewers ask about flaky tests'),
    approach: [1, 2, 3].map((i) => ({ step: `Step number ${String(i)}`, detail: para(`step ${String(i)}`) })),
    rubric: ['history', 'quarantine', 'signal'].map((id) => ({
      id,
      weight: 3,
      point: para(`the ${id} point`),
      signals: [`${id} signal`, `another ${id} phrase`],
    })),
    mistakes: ['rerun-forever', 'no-owner'].map((id) => ({
      id,
      mistake: `The candidate makes the ${id} mistake.`,
      why: para(`why ${id} hurts`),
      recognise: `The answer shows ${id} behaviour.`,
      signals: [`${id} phrase`],
    })),
    followUps: [1, 2].map((i) => ({
      question: `What happens in case ${String(i)}?`,
      probes: `Whether the candidate handles case ${String(i)}.`,
      strongAnswer: para(`case ${String(i)}`),
    })),
    hints: ['Think about what history you keep per test.'],
    ...overrides,
  };
  return `---\n${stringify(front)}---\n${modelAnswer}\n`;
}

/** Writes files (path relative to the content root → text) into a fresh temporary content directory. */
export async function aContentDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'loopcoach-content-'));
  await writeContentFiles(dir, files);
  return dir;
}

export async function writeContentFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

export const minimalContent = (): Record<string, string> => ({
  'roles/testing.md': aRoleGuide(),
  'questions/testing/design-a-flaky-test-detector.md': aQuestion(),
});

/**
 * A shipped Markdown document (content/questions/… or content/roles/…) as an organization writes it: `slug:` instead
 * of `id:`, with each replacement applied (one that no longer matches the fixture throws, so a test cannot silently
 * stop testing what it says).
 */
export function orgMarkdown(shipped: string, slug: string, replacements: readonly (readonly [string | RegExp, string])[] = []): string {
  let text = shipped.replace(/^id: .*$/m, `slug: ${slug}`);
  for (const [from, to] of replacements) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`the fixture no longer contains ${String(from)}`);
    text = next;
  }
  return text;
}
