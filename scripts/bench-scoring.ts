/**
 * `npm run bench:scoring`: time to score one answer of up to 600 words against its question.
 *
 * Answers: every answer in the calibration set, plus each strong answer padded with other answers to exactly 600
 * words (the longest an interview answer realistically gets), scored against every question in the bank so that
 * long rubrics are covered too. Prints p50/p99/max per answer and answers per second. Floor: p99 ≤ 10 ms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createScorer } from '../src/core/scoring/score.js';
import { loadContent } from '../src/infra/content/load.js';
import { defaultContentDir, packageRoot } from '../src/infra/paths.js';

const content = await loadContent(defaultContentDir());
const bank = content.questions.map((q) => q.value);
const t0 = performance.now();
const scorer = createScorer(bank);
const buildMs = performance.now() - t0;

const rows = readFileSync(join(packageRoot, 'test', 'data', 'graded-answers.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { answer: string; kind: string });
const pool = rows.map((r) => r.answer).join('\n\n').split(/\s+/);
const answers = rows.map((r) => r.answer);
for (const [i, r] of rows.entries()) {
  if (r.kind !== 'strong') continue;
  const words = r.answer.split(/\s+/);
  answers.push([...words, ...pool.slice(i * 50, i * 50 + Math.max(0, 600 - words.length))].slice(0, 600).join(' '));
}

// Warm up: compile every question once (the server does this on the first request).
for (const q of bank) scorer.score(q, answers[0] ?? 'warm up');

const times: number[] = [];
let maxWords = 0;
for (const q of bank) {
  for (const a of answers) {
    const words = a.split(/\s+/).length;
    if (words > 600) continue;
    maxWords = Math.max(maxWords, words);
    const s = performance.now();
    scorer.score(q, a);
    times.push(performance.now() - s);
  }
}
times.sort((a, b) => a - b);
const pct = (p: number): number => times[Math.min(times.length - 1, Math.floor((times.length * p) / 100))] ?? 0;
const total = times.reduce((a, b) => a + b, 0);
console.log(`bank: ${String(bank.length)} questions; answers: ${String(answers.length)} (up to ${String(maxWords)} words); scorings: ${String(times.length)}`);
console.log(`scorer build (idf over the bank): ${buildMs.toFixed(1)} ms, once per process`);
console.log(`throughput: ${(times.length / (total / 1000)).toFixed(0)} answers/s`);
console.log(`per answer: p50 ${pct(50).toFixed(2)} ms, p99 ${pct(99).toFixed(2)} ms, max ${(times[times.length - 1] ?? 0).toFixed(2)} ms  (floor: p99 ≤ 10 ms)`);
