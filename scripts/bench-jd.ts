/**
 * `npm run bench:jd`: analyses every dev posting (and, once plans exist, builds a plan for each) and prints
 * postings per second and the p50/p99 time per posting. Floor: p99 ≤ 20 ms.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzePosting, skillMatcher } from '../src/core/jd/analyze.js';
import { packageRoot } from '../src/infra/paths.js';

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
const t0 = performance.now();
skillMatcher();
const compileMs = performance.now() - t0;
// Warm up the JIT on a slice, then measure every posting once.
for (const p of postings.slice(0, 50)) analyzePosting({ text: p.description, title: p.title, company: p.company });
const times: number[] = [];
let failed = 0;
const start = performance.now();
for (const p of postings) {
  const s = performance.now();
  const r = analyzePosting({ text: p.description, title: p.title, company: p.company });
  times.push(performance.now() - s);
  if (!r.ok) failed++;
}
const total = performance.now() - start;
times.sort((a, b) => a - b);
const q = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
console.log(`postings: ${String(postings.length)} (${String(failed)} rejected)`);
console.log(`taxonomy compile: ${compileMs.toFixed(1)} ms (once per process)`);
console.log(`throughput: ${(postings.length / (total / 1000)).toFixed(0)} postings/s`);
console.log(`per posting: p50 ${q(0.5).toFixed(2)} ms, p99 ${q(0.99).toFixed(2)} ms, max ${q(1).toFixed(2)} ms  (floor: p99 ≤ 20 ms)`);
