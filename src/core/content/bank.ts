/**
 * The question bank a request sees: the shipped questions and role guides, and beside them its organization's own
 * (./org-content.ts). Pure: the shell loads both and asks this to combine them.
 */
import type { Question, RoleGuide } from './schema.js';

export interface QuestionBank {
  get(id: string): Question | undefined;
  /** Shipped questions first (by id), then the organization's (by id). */
  all: readonly Question[];
  guide(role: string): RoleGuide | undefined;
  /** Shipped guides first (by id), then the organization's (by id). */
  guides: readonly RoleGuide[];
}

export interface ContentParts {
  questions: readonly Question[];
  guides: readonly RoleGuide[];
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function combineBank(shipped: ContentParts, own: ContentParts = { questions: [], guides: [] }): QuestionBank {
  const all = [...[...shipped.questions].sort(byId), ...[...own.questions].sort(byId)];
  const guides = [...[...shipped.guides].sort(byId), ...[...own.guides].sort(byId)];
  // Ids cannot collide (organizations' ids are org/… and org-…, which shipped content may not use); if they ever
  // did, the shipped document wins, so an organization can never replace what everyone else sees.
  const questions = new Map<string, Question>();
  for (const q of all) if (!questions.has(q.id)) questions.set(q.id, q);
  const guideMap = new Map<string, RoleGuide>();
  for (const g of guides) if (!guideMap.has(g.id)) guideMap.set(g.id, g);
  return { all: [...questions.values()], get: (id) => questions.get(id), guides: [...guideMap.values()], guide: (id) => guideMap.get(id) };
}
