/**
 * `npm run bench:jd`: analyses every dev posting and builds its prep plan (content loaded once, as the server has it),
 * and prints postings per second and the p50/p99 time per posting for analysis plus plan. Floor: p99 ≤ 20 ms.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzePosting, skillMatcher } from '../src/core/jd/analyze.js';
import { buildPlan } from '../src/core/plan/build-plan.js';
import { loadContent } from '../src/infra/content/load.js';
import { defaultContentDir, packageRoot } from '../src/infra/paths.js';

const jobsDir = process.env.LOOPCOACH_JOBS_DIR ?? join(packageRoot, '..', 'shared', 'data', 'jobs');
const postings: { title?: string; company?: string; description: string }[] = [];
for (const file of ['backend-dev.jsonl', 'data-dev.jsonl']) {
  const path = join(jobsDir, file);
  if (!existsSync(path)) continue;
  for (const line of readFileSync(path, 'utf8').split('\n')) if (line.trim()) postings.push(JSON.parse(line) as (typeof postings)[number]);
}
if (postings.length === 0) {
  console.error(`bench:jd: no postings under ${jobsDir}; set LOOPCOACH_JOBS_DIR`);
  process.exit(2);
}
const content = await loadContent(defaultContentDir());
const guides = content.roles.map((r) => r.value);
const bank = content.questions.map((q) => q.value);
const run = (p: (typeof postings)[number]): boolean => {
  const r = analyzePosting({ text: p.description, title: p.title, company: p.company });
  if (!r.ok) return false;
  return buildPlan(r.analysis, guides, bank, { today: '2026-12-01', interviewDate: '2026-12-20' }).ok;
};
const t0 = performance.now();
skillMatcher();
const compileMs = performance.now() - t0;
// Warm up the JIT on a slice, then measure every posting once.
for (const p of postings.slice(0, 50)) run(p);
const times: number[] = [];
let failed = 0;
const start = performance.now();
for (const p of postings) {
  const s = performance.now();
  const ok = run(p);
  times.push(performance.now() - s);
  if (!ok) failed++;
}
const total = performance.now() - start;
times.sort((a, b) => a - b);
const q = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
console.log(`postings: ${String(postings.length)} (${String(failed)} rejected); bank: ${String(bank.length)} questions, ${String(guides.length)} guides`);
console.log(`taxonomy compile: ${compileMs.toFixed(1)} ms (once per process)`);
console.log(`throughput: ${(postings.length / (total / 1000)).toFixed(0)} postings/s`);
console.log(`analysis + plan per posting: p50 ${q(0.5).toFixed(2)} ms, p99 ${q(0.99).toFixed(2)} ms, max ${q(1).toFixed(2)} ms  (floor: p99 ≤ 20 ms)`);
