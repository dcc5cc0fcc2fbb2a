import { groupByStage, loopLevels, skillCounts } from '../../core/guides/assemble.js';
import type { Queryable } from '../../infra/db/database.js';
import type { RoleDetail, RoleSummary } from '../../shared/contracts/roles.js';
import { notFound } from '../../shared/errors.js';
import { listQuestionsForRole } from '../questions/questions.repository.js';
import { toSummary } from '../questions/questions.service.js';
import * as repo from './roles.repository.js';

export interface RolesService {
  list(): Promise<RoleSummary[]>;
  get(id: string): Promise<RoleDetail>;
}

export function createRolesService(deps: { db: Queryable }): RolesService {
  const { db } = deps;
  return {
    async list() {
      return (await repo.listRoles(db)).map(({ guide, questionCount }) => ({
        id: guide.id,
        title: guide.title,
        summary: guide.summary,
        difficulty: { rating: guide.difficulty.rating, label: guide.difficulty.label },
        timeToOffer: { minWeeks: guide.timeToOffer.minWeeks, maxWeeks: guide.timeToOffer.maxWeeks },
        stageCount: guide.stages.length,
        questionCount,
      }));
    },
    async get(id) {
      const guide = await repo.findRole(db, id);
      if (!guide) throw notFound('role guide', id);
      const questions = await listQuestionsForRole(db, id);
      const byStage = groupByStage(guide, questions);
      const titles = await repo.roleTitles(db, guide.relatedRoles.map((r) => r.id));
      return {
        ...guide,
        questionCount: questions.length,
        stages: guide.stages.map((s) => ({ ...s, questions: (byStage.get(s.id) ?? []).map(toSummary) })),
        relatedRoles: guide.relatedRoles.map((r) => ({ ...r, title: titles.get(r.id) ?? r.id })),
        skills: skillCounts(questions),
        levels: loopLevels(guide),
      };
    },
  };
}
