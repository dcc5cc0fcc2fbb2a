/**
 * `npm run stats:skills`: the technologies most often asked for in the dev postings (counted with the analyzer
 * itself, once per posting; products only — concepts such as Scalability are listed apart) and how many questions in the bank practise each. Exits non-zero when one of the top
 * 25 has fewer than two questions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePosting } from '../src/core/jd/analyze.js';
import { loadContent } from '../src/infra/content/load.js';
import { defaultContentDir, packageRoot } from '../src/infra/paths.js';

const file = process.argv[2] ?? join(process.env.LOOPCOACH_JOBS_DIR ?? join(packageRoot, '..', 'shared', 'data', 'jobs'), 'backend-dev.jsonl');
if (!existsSync(file)) {
  console.error(`stats:skills: no postings at ${file}`);
  process.exit(2);
}
const counts = new Map<string, { name: string; n: number }>();
const concepts = new Map<string, { name: string; n: number }>();
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const p = JSON.parse(line) as { title?: string; company?: string; description: string };
  const r = analyzePosting({ text: p.description, title: p.title, company: p.company });
  if (!r.ok) continue;
  for (const s of r.analysis.skills) {
    // Technologies are products (PostgreSQL, Kafka); concepts (Scalability, CI/CD) are counted apart.
    if (s.kind !== 'technology') {
      const c = concepts.get(s.id) ?? { name: s.name, n: 0 };
      c.n++;
      concepts.set(s.id, c);
      continue;
    }
    const c = counts.get(s.id) ?? { name: s.name, n: 0 };
    c.n++;
    counts.set(s.id, c);
  }
}
const content = await loadContent(defaultContentDir());
const perSkill = new Map<string, number>();
for (const q of content.questions) for (const k of q.value.skills) perSkill.set(k, (perSkill.get(k) ?? 0) + 1);
const top = [...counts].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0])).slice(0, 25);
let short = 0;
console.log('rank  postings  questions  technology');
top.forEach(([id, c], i) => {
  const q = perSkill.get(id) ?? 0;
  if (q < 2) short++;
  console.log(`${String(i + 1).padStart(4)}  ${String(c.n).padStart(8)}  ${String(q).padStart(9)}  ${c.name} (${id})${q < 2 ? '  <-- fewer than 2 questions' : ''}`);
});
const topConcepts = [...concepts].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0])).slice(0, 15);
console.log(`most asked concepts (informative): ${topConcepts.map(([id, c]) => `${c.name} ${String(c.n)}/${String(perSkill.get(id) ?? 0)}q`).join(', ')}`);
console.log(`questions in the bank: ${String(content.questions.length)}; top-25 technologies with fewer than 2 questions: ${String(short)}`);
process.exitCode = short > 0 ? 1 : 0;
