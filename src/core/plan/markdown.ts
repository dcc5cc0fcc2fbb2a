/** The plan as Markdown: for `prep --format md`, the web export, and sharing with a mentor. */
import type { Plan } from './build-plan.js';

export function planMarkdown(plan: Plan, questionTitles: ReadonlyMap<string, string> = new Map()): string {
  const t = (id: string): string => questionTitles.get(id) ?? id;
  const out: string[] = [];
  out.push(`# Prep plan: ${plan.title ?? `${plan.guide.title} (${plan.level})`}`, '');
  out.push(`**Role:** ${plan.role} · **Level:** ${plan.level} · **Loop:** ${plan.guide.title}${plan.interviewDate ? ` · **Interview:** ${plan.interviewDate}` : ''}`, '');
  if (plan.guide.note) out.push(`> ${plan.guide.note}`, '');
  out.push('## The loop', '');
  plan.stages.forEach((s, i) => out.push(`${String(i + 1)}. **${s.name}** (${String(s.durationMinutes)} min). ${s.probes.map((p) => p.replace(/\.?$/, '.')).join(' ')}`));
  out.push('');
  for (const s of plan.stages) {
    out.push(`## ${s.name}`, '');
    for (const q of s.questions) {
      out.push(`- **${q.title}** (\`${q.id}\`, ${q.difficulty})${q.skills.length > 0 ? ` — ${q.skills.join(', ')}` : ''}`);
      out.push(`  - Why: ${q.why}`);
    }
    out.push('');
  }
  if (plan.followUps.length > 0) {
    out.push('## Follow-ups to expect for this posting', '');
    for (const f of plan.followUps) out.push(`- After *${t(f.questionId)}*: ${f.question}`);
    out.push('');
  }
  out.push('## Coverage', '');
  if (plan.coverage.length === 0) out.push('No skills from the posting are covered by the question bank yet.');
  for (const c of plan.coverage) out.push(`- ${c.skill}${c.required ? '' : ' (nice to have)'}: ${c.questions.map(t).join('; ')}`);
  out.push('');
  if (plan.gaps.length > 0) {
    out.push('## Gaps to study on your own', '');
    for (const g of plan.gaps) out.push(`- **${g.skill}**${g.required ? '' : ' (nice to have)'}: ${g.study} _Posting: “${g.evidence}”_`);
    out.push('');
  }
  out.push('## Schedule', '', '| Day | Focus | New questions | Review | Minutes |', '|---|---|---|---|---|');
  for (const d of plan.schedule) {
    out.push(`| ${d.date} | ${d.focus} | ${d.questions.map(t).join('<br>') || '—'} | ${d.review.map(t).join('<br>') || '—'} | ${String(d.minutes)} |`);
  }
  return `${out.join('\n')}\n`;
}
