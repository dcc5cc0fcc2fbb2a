/**
 * `npm run eval:scoring`: how Loopcoach's answer scores agree with human grades on the calibration set
 * (test/data/graded-answers.jsonl, written and graded as test/data/GRADING.md describes).
 *
 * Prints the Spearman rank correlation between scores and grades, and the score range of each kind of answer,
 * against the floors: Spearman ≥ 0.80; non-answers ≤ 10; off-topic ≤ 15; keyword lists ≤ 40; strongest ≥ 80.
 *
 *   --answers FILE   another graded set (same format)
 *   --verbose        every answer: grade, score, kind, flags
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createScorer } from '../src/core/scoring/score.js';
import type { Level } from '../src/core/content/schema.js';
import { loadContent } from '../src/infra/content/load.js';
import { defaultContentDir, packageRoot } from '../src/infra/paths.js';

interface Graded {
  id: string;
  question: string;
  kind: string;
  level?: Level;
  answer: string;
  grade?: number;
  grades?: Record<string, number>;
}

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const verbose = argv.includes('--verbose');
const file = flag('--answers') ?? join(packageRoot, 'test', 'data', 'graded-answers.jsonl');
const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Graded);
const content = await loadContent(defaultContentDir());
const bank = content.questions.map((q) => q.value);
const byId = new Map(bank.map((q) => [q.id, q]));
const scorer = createScorer(bank);

const scored: { row: Graded; grade: number; score: number }[] = [];
for (const row of rows) {
  const q = byId.get(row.question);
  if (!q) {
    console.error(`eval:scoring: ${row.id}: unknown question ${row.question}`);
    process.exitCode = 1;
    continue;
  }
  const grade = row.grade ?? mean(Object.values(row.grades ?? {}));
  if (!Number.isFinite(grade)) {
    console.error(`eval:scoring: ${row.id}: no grade`);
    continue;
  }
  const r = scorer.score(q, row.answer, row.level);
  scored.push({ row, grade, score: r.score });
  if (verbose) {
    const f = Object.entries(r.flags).filter(([, v]) => v).map(([k]) => k).join(',');
    console.log(`${String(Math.round(grade)).padStart(3)} ${String(r.score).padStart(3)}  ${row.kind.padEnd(14)} ${row.id}  rubric ${String(r.breakdown.rubric)} dims ${String(r.breakdown.dimensions)} rel ${r.stats.relevance.toFixed(2)} top ${r.stats.topical.toFixed(2)}${f ? `  [${f}]` : ''}${r.mistakes.length ? `  mistakes: ${r.mistakes.map((m) => m.id).join(',')}` : ''}`);
  }
}

const rho = spearman(scored.map((s) => s.score), scored.map((s) => s.grade));
const questions = new Set(scored.map((s) => s.row.question));
console.log(`answers: ${String(scored.length)} across ${String(questions.size)} questions`);
console.log(`Spearman rank correlation with the grades: ${rho.toFixed(3)}  (floor 0.80)`);
const kinds = [...new Set(scored.map((s) => s.row.kind))];
const order = ['strong', 'strong-plain', 'good', 'mediocre', 'weak', 'factual-error', 'keyword-list', 'off-topic', 'non-answer'];
kinds.sort((a, b) => (order.indexOf(a) + 100) % 100 - ((order.indexOf(b) + 100) % 100));
console.log('scores by kind (min / median / max; mean grade):');
for (const k of kinds) {
  const s = scored.filter((x) => x.row.kind === k).map((x) => x.score).sort((a, b) => a - b);
  const g = mean(scored.filter((x) => x.row.kind === k).map((x) => x.grade));
  const floor = k === 'non-answer' ? '  (floor: max ≤ 10)' : k === 'off-topic' ? '  (floor: max ≤ 15)' : k === 'keyword-list' ? '  (floor: max ≤ 40)' : k === 'strong' ? '  (floor: min ≥ 80)' : '';
  console.log(`  ${k.padEnd(14)} ${String(s[0] ?? 0).padStart(3)} / ${String(s[Math.floor(s.length / 2)] ?? 0).padStart(3)} / ${String(s[s.length - 1] ?? 0).padStart(3)}   grade ${g.toFixed(0).padStart(3)}   n=${String(s.length)}${floor}`);
}
// The strongest answers: the top tenth by grade.
const top = [...scored].sort((a, b) => b.grade - a.grade).slice(0, Math.max(1, Math.round(scored.length / 10)));
console.log(`strongest tenth by grade (n=${String(top.length)}): scores ${String(Math.min(...top.map((t) => t.score)))}–${String(Math.max(...top.map((t) => t.score)))}  (floor ≥ 80)`);

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function ranks(xs: readonly number[]): number[] {
  const idx = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const r = new Array<number>(xs.length).fill(0);
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]?.x === idx[i]?.x) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[idx[k]?.i ?? 0] = avg;
    i = j + 1;
  }
  return r;
}

/** Spearman's rho: the Pearson correlation of the ranks (ties get their average rank). */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    const x = (ra[i] ?? 0) - ma;
    const y = (rb[i] ?? 0) - mb;
    num += x * y;
    da += x * x;
    db += y * y;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}
