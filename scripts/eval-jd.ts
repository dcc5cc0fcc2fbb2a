/**
 * `npm run eval:jd`: skill precision and recall, role accuracy and level accuracy of the posting analysis against
 * the hand-labelled set in test/data/jd-labels.jsonl. Postings are read by id from ../shared/data/jobs (or
 * LOOPCOACH_JOBS_DIR); their text is never copied into this repository.
 *
 *   --verbose        per-posting differences, the most frequent false positives and misses, figures per category
 *   --labels FILE    another labelled set (default test/data/jd-labels.jsonl)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePosting, skillMatcher } from '../src/core/jd/analyze.js';
import { skillKind } from '../src/core/jd/taxonomy.js';
import { packageRoot } from '../src/infra/paths.js';

interface Label {
  id: string;
  role: string;
  level: string;
  skills: string[];
}
interface Posting {
  id: string;
  title?: string;
  company?: string;
  description: string;
}

const verbose = process.argv.includes('--verbose');
const labelsFlag = process.argv.indexOf('--labels');
const labelsPath = labelsFlag > 0 && process.argv[labelsFlag + 1] ? process.argv[labelsFlag + 1] ?? '' : join(packageRoot, 'test', 'data', 'jd-labels.jsonl');
const jobsDir = process.env.LOOPCOACH_JOBS_DIR ?? join(packageRoot, '..', 'shared', 'data', 'jobs');
if (!existsSync(jobsDir)) {
  console.error(`eval:jd: the postings are not at ${jobsDir}; set LOOPCOACH_JOBS_DIR`);
  process.exit(2);
}
const postings = new Map<string, Posting>();
for (const file of ['backend-dev.jsonl', 'data-dev.jsonl']) {
  const path = join(jobsDir, file);
  if (!existsSync(path)) continue;
  for (const line of readFileSync(path, 'utf8').split('\n')) if (line.trim()) {
    const p = JSON.parse(line) as Posting;
    postings.set(p.id, p);
  }
}
const labels = readFileSync(labelsPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Label);

// Label names are compared by skill id: a label may use the canonical name or any alias.
const matcher = skillMatcher();
const aliasToId = new Map<string, string>();
for (const s of matcher.skills) for (const a of [s.name, ...s.aliases, ...(s.caseSensitiveAliases ?? [])]) aliasToId.set(a.toLowerCase(), s.id);
const idOf = (name: string): string => aliasToId.get(name.toLowerCase()) ?? `?${name.toLowerCase()}`;

let tp = 0;
let fp = 0;
let fn = 0;
let roleOk = 0;
let levelOk = 0;
let n = 0;
const byCategory = new Map<string, { tp: number; fp: number; fn: number }>();
const categoryOf = (id: string): string => matcher.byId.get(id)?.category ?? 'not in taxonomy';
const bump = (id: string, k: 'tp' | 'fp' | 'fn'): void => {
  const c = byCategory.get(categoryOf(id)) ?? { tp: 0, fp: 0, fn: 0 };
  c[k]++;
  byCategory.set(categoryOf(id), c);
};
const byKind = { technology: { tp: 0, fp: 0, fn: 0 }, concept: { tp: 0, fp: 0, fn: 0 } };
const fpCount = new Map<string, number>();
const fnCount = new Map<string, number>();
const roleConfusion = new Map<string, number>();
const levelConfusion = new Map<string, number>();
for (const label of labels) {
  const p = postings.get(label.id);
  if (!p) {
    console.error(`eval:jd: posting ${label.id} not found in ${jobsDir}`);
    continue;
  }
  const r = analyzePosting({ text: p.description, title: p.title, company: p.company });
  if (!r.ok) {
    console.error(`eval:jd: ${label.id}: ${r.error.message}`);
    continue;
  }
  n++;
  const a = r.analysis;
  const gold = new Set(label.skills.map(idOf));
  const got = new Set(a.skills.map((s) => s.id));
  const fps = [...got].filter((s) => !gold.has(s));
  const fns = [...gold].filter((s) => !got.has(s));
  tp += [...got].filter((s) => gold.has(s)).length;
  fp += fps.length;
  fn += fns.length;
  for (const s of fps) fpCount.set(s, (fpCount.get(s) ?? 0) + 1);
  for (const s of got) bump(s, gold.has(s) ? 'tp' : 'fp');
  for (const s of fns) bump(s, 'fn');
  for (const s of got) byKind[skillKind(s)][gold.has(s) ? 'tp' : 'fp']++;
  for (const s of fns) byKind[skillKind(s)].fn++;
  for (const s of fns) fnCount.set(s, (fnCount.get(s) ?? 0) + 1);
  if (a.role === label.role) roleOk++;
  else roleConfusion.set(`${label.role} → ${a.role}`, (roleConfusion.get(`${label.role} → ${a.role}`) ?? 0) + 1);
  if (a.level === label.level) levelOk++;
  else levelConfusion.set(`${label.level} → ${a.level}`, (levelConfusion.get(`${label.level} → ${a.level}`) ?? 0) + 1);
  if (verbose && (fps.length > 0 || fns.length > 0 || a.role !== label.role || a.level !== label.level)) {
    console.log(`${label.id} "${p.title ?? ''}": role ${label.role}/${a.role} level ${label.level}/${a.level}`);
    if (fps.length > 0) console.log(`   false positives: ${fps.join(', ')}`);
    if (fns.length > 0) console.log(`   missed: ${fns.join(', ')}`);
  }
}
const top = (m: Map<string, number>): string => [...m].sort((x, y) => y[1] - x[1]).slice(0, 15).map(([k, v]) => `${k}×${String(v)}`).join(', ');
const precision = tp / Math.max(1, tp + fp);
const recall = tp / Math.max(1, tp + fn);
console.log(`postings: ${String(n)} (labels: ${String(labels.length)})`);
console.log(`skill precision: ${precision.toFixed(3)}  (floor 0.95)`);
console.log(`skill recall:    ${recall.toFixed(3)}  (floor 0.90)`);
for (const [kind, c] of Object.entries(byKind)) {
  console.log(`  ${kind.padEnd(10)} precision ${(c.tp / Math.max(1, c.tp + c.fp)).toFixed(3)}, recall ${(c.tp / Math.max(1, c.tp + c.fn)).toFixed(3)}  (${String(c.tp + c.fn)} labels)`);
}
console.log(`role accuracy:   ${(roleOk / Math.max(1, n)).toFixed(3)}  (floor 0.90)`);
console.log(`level accuracy:  ${(levelOk / Math.max(1, n)).toFixed(3)}  (floor 0.85)`);
if (verbose) {
  console.log(`most frequent false positives: ${top(fpCount)}`);
  console.log(`most frequent misses: ${top(fnCount)}`);
  console.log(`role confusion: ${top(roleConfusion)}`);
  console.log('by category (precision / recall, tp fp fn):');
  for (const [cat, c] of [...byCategory].sort((a, b) => b[1].tp + b[1].fn - (a[1].tp + a[1].fn))) {
    console.log(`  ${cat.padEnd(18)} ${(c.tp / Math.max(1, c.tp + c.fp)).toFixed(2)} / ${(c.tp / Math.max(1, c.tp + c.fn)).toFixed(2)}   ${String(c.tp)} ${String(c.fp)} ${String(c.fn)}`);
  }
  console.log(`level confusion: ${top(levelConfusion)}`);
}
