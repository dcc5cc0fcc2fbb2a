import type { Question } from './schema.js';

/**
 * The text that full-text search indexes for a question beyond its title and prompt: the framework, rubric,
 * mistakes, follow-ups and skills. Not the model answer, so searching does not surface answers.
 */
export function questionSearchText(q: Question): string {
  return [
    q.skills.map((s) => s.replace(/-/g, ' ')).join(' '),
    q.whyAsked,
    ...q.approach.flatMap((a) => [a.step, a.detail]),
    ...q.rubric.flatMap((r) => [r.point, r.signals.join(', ')]),
    ...q.mistakes.flatMap((m) => [m.mistake, m.recognise]),
    ...q.followUps.map((f) => f.question),
  ].join('\n');
}
