import type { Question } from '../../core/content/schema.js';
import { isOrgGuideId } from '../../core/content/org-content.js';
import { groupByStage, loopLevels, skillCounts } from '../../core/guides/assemble.js';
import type { RoleDetail, RoleSummary } from '../../shared/contracts/roles.js';
import { notFound } from '../../shared/errors.js';
import type { Actor } from '../accounts/visibility.js';
import type { OrgContentService } from '../org-content/org-content.service.js';
import { toSummary } from '../questions/questions.service.js';

/**
 * Role guides as a request sees them: the shipped guides and, for an organization's members, its own guides beside
 * them; a guide's questions include the organization's questions for that role. `viewer` null: a signed-out visitor
 * in server mode (shipped content only).
 */
export interface RolesService {
  list(viewer: Actor | null): Promise<RoleSummary[]>;
  get(viewer: Actor | null, id: string): Promise<RoleDetail>;
}

const DIFFICULTY_ORDER = { easy: 0, medium: 1, hard: 2 } as const;
const easiestFirst = (a: Question, b: Question): number => DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty] || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

export function createRolesService(deps: { content: OrgContentService }): RolesService {
  const { content } = deps;
  return {
    async list(viewer) {
      const bank = await content.bankOf(viewer);
      const counts = new Map<string, number>();
      for (const q of bank.all) for (const r of q.roles) counts.set(r, (counts.get(r) ?? 0) + 1);
      return bank.guides
        .map((guide) => ({
          id: guide.id,
          source: isOrgGuideId(guide.id) ? ('organization' as const) : ('shipped' as const),
          title: guide.title,
          summary: guide.summary,
          difficulty: { rating: guide.difficulty.rating, label: guide.difficulty.label },
          timeToOffer: { minWeeks: guide.timeToOffer.minWeeks, maxWeeks: guide.timeToOffer.maxWeeks },
          stageCount: guide.stages.length,
          questionCount: counts.get(guide.id) ?? 0,
        }))
        .sort((a, b) => b.questionCount - a.questionCount || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    },
    async get(viewer, id) {
      const bank = await content.bankOf(viewer);
      const guide = bank.guide(id);
      if (!guide) throw notFound('role guide', id);
      const questions = bank.all.filter((q) => q.roles.includes(id)).sort(easiestFirst);
      const byStage = groupByStage(guide, questions);
      return {
        ...guide,
        source: isOrgGuideId(guide.id) ? 'organization' : 'shipped',
        questionCount: questions.length,
        stages: guide.stages.map((s) => ({ ...s, questions: (byStage.get(s.id) ?? []).map(toSummary) })),
        relatedRoles: guide.relatedRoles.map((r) => ({ ...r, title: bank.guide(r.id)?.title ?? r.id })),
        skills: skillCounts(questions),
        levels: loopLevels(guide),
      };
    },
  };
}
