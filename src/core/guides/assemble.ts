/**
 * Builds the role-guide view from a guide and its questions: questions grouped by loop stage (easiest first),
 * skill counts, the levels the loop covers. Pure.
 */
import { LEVELS, type Level, type Question, type RoleGuide } from '../content/schema.js';

const DIFFICULTY_ORDER = { easy: 0, medium: 1, hard: 2 } as const;

export interface AssembledStage<Q> {
  stageId: string;
  questions: Q[];
}

export function groupByStage<Q extends Pick<Question, 'stage' | 'difficulty' | 'title'>>(
  guide: Pick<RoleGuide, 'stages'>,
  questions: readonly Q[],
): Map<string, Q[]> {
  const byStage = new Map<string, Q[]>(guide.stages.map((s) => [s.id, []]));
  for (const q of questions) byStage.get(q.stage)?.push(q);
  for (const list of byStage.values()) {
    list.sort((a, b) => DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty] || a.title.localeCompare(b.title));
  }
  return byStage;
}

export function skillCounts(questions: readonly Pick<Question, 'skills'>[]): { id: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const q of questions) for (const s of q.skills) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

export function loopLevels(guide: Pick<RoleGuide, 'stages'>): Level[] {
  const present = new Set(guide.stages.flatMap((s) => s.levels));
  return LEVELS.filter((l) => present.has(l));
}
