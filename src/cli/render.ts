/** Plain-text rendering for the terminal. */
import type { Question } from '../core/content/schema.js';
import type { QuestionSummary } from '../shared/contracts/questions.js';
import type { RoleDetail } from '../shared/contracts/roles.js';

const wrap = (text: string, indent = '  ', width = 100): string => {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (indent + line + ' ' + w).length > width) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
};

export function renderGuide(g: RoleDetail): string {
  const out: string[] = [];
  out.push(g.title, '='.repeat(g.title.length), wrap(g.summary, ''), '');
  out.push(`Time to offer: ${String(g.timeToOffer.minWeeks)}–${String(g.timeToOffer.maxWeeks)} weeks. ${g.timeToOffer.note}`);
  out.push(`Difficulty: ${g.difficulty.label} (${String(g.difficulty.rating)}/5). ${g.difficulty.explanation}`);
  out.push(`Questions: ${String(g.questionCount)}`, '', 'The loop', '--------');
  g.stages.forEach((s, i) => {
    out.push(`${String(i + 1)}. ${s.name} — ${String(s.durationMinutes)} min (${s.levels.join(', ')})`);
    out.push(wrap(s.description, '   '));
    out.push(`   Probes: ${s.probes.join('; ')}`);
    for (const q of s.questions) out.push(`   - [${q.difficulty}] ${q.title}  (${q.id})`);
    out.push('');
  });
  out.push('By level', '--------');
  for (const l of g.levelDifferences) out.push(`${l.level}:`, wrap(l.summary));
  out.push('', 'Tips', '----');
  for (const t of g.tips) out.push(`* ${t.title}`, wrap(t.body));
  out.push('', 'FAQ', '---');
  for (const f of g.faq) out.push(`Q: ${f.question}`, wrap(f.answer), '');
  if (g.relatedRoles.length > 0) {
    out.push('Related roles', '-------------');
    for (const r of g.relatedRoles) out.push(`* ${r.title} (${r.id}): ${r.why}`);
  }
  return out.join('\n');
}

export function renderQuestionList(items: readonly QuestionSummary[], total: number): string {
  if (items.length === 0) return 'No questions match.';
  const lines = items.map((q) => `${q.id.padEnd(48)} ${q.stage.padEnd(24)} ${q.difficulty.padEnd(6)} ${q.title}`);
  const more = total > items.length ? `\n(${String(items.length)} of ${String(total)}; use --limit to see more)` : '';
  return `${'ID'.padEnd(48)} ${'STAGE'.padEnd(24)} ${'DIFF'.padEnd(6)} TITLE\n${lines.join('\n')}${more}`;
}

export function renderQuestion(q: Question): string {
  const out: string[] = [`${q.title} (${q.id})`, `${q.stage} · ${q.difficulty} · ${q.levels.join(', ')} · ${String(q.timeBudgetMinutes)} min`, '', wrap(q.prompt, ''), ''];
  out.push('How to approach this:');
  q.approach.forEach((a, i) => out.push(`${String(i + 1)}. ${a.step}`, wrap(a.detail, '   ')));
  out.push('', 'What a strong answer shows:');
  for (const r of q.rubric) out.push(`- ${r.point} (weight ${String(r.weight)})`);
  out.push('', 'Common mistakes:');
  for (const m of q.mistakes) out.push(`- ${m.mistake}`);
  out.push('', 'Likely follow-ups:');
  for (const f of q.followUps) out.push(`- ${f.question}`);
  return out.join('\n');
}
