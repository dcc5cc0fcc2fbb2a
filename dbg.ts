import { readFileSync } from 'node:fs';
import { analyzePosting, skillMatcher } from './src/core/jd/analyze.js';
const posts = new Map<string, {title: string; company: string; description: string}>();
for (const f of ['backend-dev.jsonl','data-dev.jsonl']) for (const l of readFileSync(`/work/shared/data/jobs/${f}`,'utf8').split('\n').filter(Boolean)) { const p = JSON.parse(l); posts.set(p.id, p); }
const m = skillMatcher(); const a2i = new Map<string,string>(); for (const s of m.skills) for (const a of [s.name, ...s.aliases]) a2i.set(a.toLowerCase(), s.id);
const want = new Set(process.argv.slice(2));
for (const l of readFileSync('test/data/jd-labels.jsonl','utf8').split('\n').filter(Boolean)) {
  const lab = JSON.parse(l); const p = posts.get(lab.id)!; const r = analyzePosting({text: p.description, title: p.title, company: p.company}); if (!r.ok) continue;
  const gold = new Set((lab.skills as string[]).map((n) => a2i.get(n.toLowerCase()) ?? n));
  for (const s of r.analysis.skills) if (!gold.has(s.id) && want.has(s.id)) console.log('FP', s.id, '|', s.evidence.slice(0,2).map((e) => `[${e.section}] ${e.quote.slice(0,140)}`).join(' || '));
  for (const g of gold) if (want.has(g) && !r.analysis.skills.some((s) => s.id === g)) { const t = r.analysis.text.toLowerCase(); const w = g.split('-')[0]!; const i = t.indexOf(w); console.log('FN', g, '|', i >= 0 ? r.analysis.text.slice(Math.max(0,i-60), i+80).replace(/\n/g,' ') : '(word not found)'); }
}
