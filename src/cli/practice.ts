/**
 * `loopcoach score`, `practice` and `review`: answering questions in the terminal, with the same services and
 * contracts as the web app. Answers are typed (or piped) line by line and end with a line holding only "." or at
 * end of input.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createInterface, type Interface } from 'node:readline';
import type { Level, Question } from '../core/content/schema.js';
import { createScorer, type ScoreResult } from '../core/scoring/score.js';
import type { App } from '../app.js';
import { localActor, type Actor } from '../features/accounts/visibility.js';
import { loadContent } from '../infra/content/load.js';
import { defaultContentDir } from '../infra/paths.js';
import { createSessionBodySchema, MAX_ANSWER_CHARS } from '../shared/contracts/practice.js';
import { AppError, notFound } from '../shared/errors.js';
import { readStdin } from './analyze.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The answer text from a file or standard input: valid UTF-8, not empty, not absurdly long. */
export async function readAnswerArgument(arg: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = arg === '-' ? await readStdin() : await readFile(arg);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError('BAD_REQUEST', `--answer-file: ${code === 'ENOENT' ? `no such file "${arg}"` : code === 'EISDIR' ? `"${arg}" is a directory` : (err as Error).message}`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new AppError('BAD_REQUEST', '--answer-file: not valid UTF-8 text');
  }
  if (text.trim() === '') throw new AppError('BAD_REQUEST', '--answer-file: the answer is empty');
  if (text.length > MAX_ANSWER_CHARS) throw new AppError('PAYLOAD_TOO_LARGE', `--answer-file: the answer has ${String(text.length)} characters; the limit is ${String(MAX_ANSWER_CHARS)}`);
  return text;
}

/** Scores one answer from the content files alone: no database, so it is fast and works beside a running server. */
export async function scoreFromContent(questionId: string, answer: string, level: Level | undefined, contentDir = defaultContentDir()): Promise<ScoreResult> {
  const content = await loadContent(contentDir);
  const bank = content.questions.map((q) => q.value);
  const q = bank.find((x) => x.id === questionId);
  if (!q) throw notFound('question', questionId);
  return createScorer(bank).score(q, answer, level);
}

const bar = (n: number): string => `${'█'.repeat(Math.round(n / 10))}${'░'.repeat(10 - Math.round(n / 10))}`;

export function renderScore(r: ScoreResult): string {
  const out: string[] = [];
  out.push(`Score ${String(r.score)}/100 — ${r.verdict}`);
  if (r.capped) out.push(`  ! ${r.capped}`);
  out.push('', `Rubric ${String(r.breakdown.rubric)}/100, dimensions ${String(r.breakdown.dimensions)}/100${r.breakdown.mistakesPenalty ? `, mistakes −${String(r.breakdown.mistakesPenalty)}` : ''}`);
  for (const d of r.dimensions) out.push(`  ${bar(d.score)} ${String(d.score).padStart(3)}  ${d.label}${d.score < 100 ? ` — ${d.note}` : ''}`);
  if (r.hits.length > 0) {
    out.push('', 'What your answer showed:');
    for (const h of r.hits) out.push(`  ✓ ${h.point}${h.credit < 1 ? ' (named, but say why)' : ''}`, `      "${clip(h.quote.text)}"`);
  }
  if (r.misses.length > 0) {
    out.push('', 'What it missed:');
    for (const m of r.misses) {
      out.push(`  ✗ ${m.point}`);
      if (m.negated) out.push(`      you said the opposite: "${clip(m.negated.text)}"`);
      out.push(`      → ${clip(m.advice, 220)}`);
    }
  }
  if (r.mistakes.length > 0) {
    out.push('', 'Common mistakes in it:');
    for (const m of r.mistakes) out.push(`  ! ${m.mistake}`, `      "${clip(m.quote.text)}"`, `      ${clip(m.why, 220)}`);
  }
  out.push('', `Next question from the interviewer: ${r.followUp.question}`);
  return out.join('\n');
}

const clip = (s: string, n = 160): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** Reads lines from stdin, one at a time, for the interactive commands (works with a TTY or a pipe). */
class LineReader {
  private readonly rl: Interface;
  private readonly queue: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private closed = false;

  constructor() {
    this.rl = createInterface({ input: process.stdin, terminal: false });
    this.rl.on('line', (line) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(line);
      } else this.queue.push(line);
    });
    this.rl.on('close', () => {
      this.closed = true;
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(null);
      }
    });
  }

  next(): Promise<string | null> {
    const line = this.queue.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  close(): void {
    this.rl.close();
  }
}

type Write = (s: string) => void;

interface AnswerInput {
  text: string;
  seconds: number;
  quit: boolean;
  skipped: boolean;
}

/** Reads one answer; in practice mode ":hint" and ":framework" help, ":skip" moves on, ":quit" stops. */
async function readAnswer(reader: LineReader, q: Question, mode: string, write: Write, started: number, now: () => number): Promise<AnswerInput> {
  const lines: string[] = [];
  let hint = 0;
  for (;;) {
    const line = await reader.next();
    if (line === null || line.trim() === '.') break;
    const cmd = line.trim().toLowerCase();
    if (cmd === ':quit') return { text: '', seconds: 0, quit: true, skipped: false };
    if (cmd === ':skip') return { text: '', seconds: 0, quit: false, skipped: true };
    if (cmd === ':hint' || cmd === ':framework') {
      if (mode !== 'practice') {
        write('  (no hints in interview mode)\n');
        continue;
      }
      if (cmd === ':hint') {
        const h = q.hints[hint];
        write(h ? `  hint ${String(hint + 1)}/${String(q.hints.length)}: ${h}\n` : '  no more hints\n');
        hint++;
      } else {
        for (const [i, s] of q.approach.entries()) write(`  ${String(i + 1)}. ${s.step} — ${s.detail}\n`);
      }
      continue;
    }
    lines.push(line);
  }
  return { text: lines.join('\n'), seconds: Math.round((now() - started) / 1000), quit: false, skipped: false };
}

export async function runPractice(app: App, opts: { plan?: string | undefined; role?: string | undefined; mode: 'practice' | 'interview' | 'mock'; level?: Level | undefined; count: number }, write: Write): Promise<void> {
  const tenant = localTenant(app);
  // The same contract as POST /api/sessions.
  const parsed = createSessionBodySchema.safeParse({
    mode: opts.mode,
    ...(opts.plan ? { planId: opts.plan } : { role: opts.role ?? 'backend' }),
    ...(opts.level ? { level: opts.level } : {}),
    count: opts.count,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0] === 'planId' ? '--plan' : `--${String(issue?.path[0] ?? 'options')}`;
    throw new AppError('BAD_REQUEST', `${field}: ${issue?.message ?? 'is invalid'}`);
  }
  const session = await app.services.practice.createSession(tenant, parsed.data);
  const bank = app.services.practice;
  write(`${opts.mode === 'mock' ? 'Mock loop' : opts.mode === 'interview' ? 'Interview mode' : 'Practice mode'} — ${String(session.items.length)} question${session.items.length === 1 ? '' : 's'}, ${session.level} level.\n`);
  write(opts.mode === 'practice' ? 'End each answer with a line holding only "." — type :hint, :framework, :skip or :quit on a line of its own.\n' : 'End each answer with a line holding only "." — no hints; the clock is running. :skip or :quit on a line of their own.\n');
  const reader = new LineReader();
  try {
    for (const [i, item] of session.items.entries()) {
      const q = await questionOf(app, item.questionId);
      write(`\n[${String(i + 1)}/${String(session.items.length)}] ${item.stageName} · ${q.title} (${String(q.timeBudgetMinutes)} min)\n\n${q.prompt}\n\n> `);
      const started = Date.now();
      const a = await readAnswer(reader, q, opts.mode, write, started, () => Date.now());
      if (a.quit) break;
      if (a.skipped || a.text.trim() === '') {
        write('  skipped\n');
        continue;
      }
      if (opts.mode !== 'practice') {
        const over = a.seconds - q.timeBudgetMinutes * 60;
        write(`\n  time: ${fmt(a.seconds)} of ${String(q.timeBudgetMinutes)}:00${over > 0 ? ` — ${fmt(over)} over` : ''}\n`);
      }
      const { record } = await bank.createAttempt(tenant, randomUUID(), {
        questionId: q.id,
        answer: a.text.slice(0, MAX_ANSWER_CHARS),
        mode: opts.mode,
        level: session.level,
        sessionId: session.id,
        durationSeconds: a.seconds,
      });
      write(`\n${renderScore(record.result)}\n`);
      if (record.review) write(`\nNext review: ${record.review.due.slice(0, 10)} (${record.review.rating})\n`);
      write(`\nModel answer:\n${record.modelAnswer}\n`);
    }
  } finally {
    reader.close();
  }
  const done = await app.services.practice.finishSession(tenant, session.id);
  if (opts.mode === 'mock' || done.items.some((x) => x.score !== null)) {
    write('\nScorecard\n');
    for (const s of done.scorecard.stages) write(`  ${s.name.padEnd(34)} ${s.score === null ? '  —' : String(s.score).padStart(3)}  ${s.signal ?? 'not answered'}\n`);
    write(`  Overall: ${done.scorecard.overall.signal ?? '—'} — ${done.scorecard.overall.summary}\n`);
  }
}

export async function runReview(app: App, opts: { limit: number }, write: Write): Promise<void> {
  const tenant = localTenant(app);
  const due = await app.services.practice.dueReviews(tenant);
  if (due.items.length === 0) {
    const next = due.upcoming[0];
    write(next ? `Nothing due. Next review: ${next.title} on ${next.due.slice(0, 10)}.\n` : 'Nothing to review yet: practise a few questions first (loopcoach practice).\n');
    return;
  }
  write(`${String(due.items.length)} review${due.items.length === 1 ? '' : 's'} due. End each answer with a line holding only "."; :skip or :quit on a line of their own.\n`);
  const reader = new LineReader();
  try {
    for (const item of due.items.slice(0, opts.limit)) {
      const q = await questionOf(app, item.questionId);
      write(`\n${q.title} — last score ${String(item.lastScore)}${item.overdueDays > 0 ? `, ${String(item.overdueDays)} day${item.overdueDays === 1 ? '' : 's'} overdue` : ''}\n\n${q.prompt}\n\n> `);
      const a = await readAnswer(reader, q, 'interview', write, Date.now(), () => Date.now());
      if (a.quit) break;
      if (a.skipped || a.text.trim() === '') continue;
      const { record } = await app.services.practice.createAttempt(tenant, randomUUID(), { questionId: q.id, answer: a.text.slice(0, MAX_ANSWER_CHARS), mode: 'practice', durationSeconds: a.seconds });
      write(`\n${renderScore(record.result)}\n`);
      if (record.review) write(`\nNext review: ${record.review.due.slice(0, 10)} (${record.review.rating})\n`);
    }
  } finally {
    reader.close();
  }
}

function localTenant(app: App): Actor {
  if (app.localTenantId === null) throw new AppError('BAD_REQUEST', 'practice in the terminal works in local mode; in server mode use the web app');
  return localActor(app.localTenantId);
}

function questionOf(app: App, id: string): Promise<Question> {
  return app.services.practice.question(localTenant(app), id);
}

const fmt = (s: number): string => `${String(Math.floor(s / 60))}:${String(s % 60).padStart(2, '0')}`;
