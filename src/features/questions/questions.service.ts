import type { Question } from '../../core/content/schema.js';
import { toPrefixTsQuery } from '../../core/search/tsquery.js';
import { isOrgGuideId, isOrgQuestionId } from '../../core/content/org-content.js';
import type { Database } from '../../infra/db/database.js';
import { withTenant } from '../../infra/db/tenant.js';
import type { ContentSource } from '../../shared/contracts/org-content.js';
import type { Actor } from '../accounts/visibility.js';
import type { OrgContentService } from '../org-content/org-content.service.js';
import { orderFacets } from '../../core/questions/facets.js';
import type { ModelAnswer, QuestionDetail, QuestionFacets, QuestionList, QuestionListQuery, QuestionSummary } from '../../shared/contracts/questions.js';
import { AppError, notFound } from '../../shared/errors.js';
import * as repo from './questions.repository.js';

export const sourceOf = (id: string): ContentSource => (isOrgQuestionId(id) ? 'organization' : 'shipped');

export function toSummary(q: Question): QuestionSummary {
  return {
    id: q.id,
    source: sourceOf(q.id),
    title: q.title,
    roles: q.roles,
    stage: q.stage,
    levels: q.levels,
    difficulty: q.difficulty,
    skills: q.skills,
    timeBudgetMinutes: q.timeBudgetMinutes,
    prompt: q.prompt,
  };
}

export function toDetail(q: Question): QuestionDetail {
  const { modelAnswer: _hidden, ...rest } = q;
  return { ...rest, source: sourceOf(q.id) };
}

/**
 * The question bank as a request sees it: `viewer` is who asks (null: a signed-out visitor in server mode, who sees
 * the shipped questions only); an organization's own questions appear beside the shipped ones for its members.
 */
export interface QuestionsService {
  search(viewer: Actor | null, query: QuestionListQuery): Promise<QuestionList>;
  get(viewer: Actor | null, id: string): Promise<QuestionDetail>;
  getFull(viewer: Actor | null, id: string): Promise<Question>;
  modelAnswer(viewer: Actor | null, id: string): Promise<ModelAnswer>;
  /** Every field of every matching question, for exports and the CLI's --json. */
  searchFull(viewer: Actor | null, query: QuestionListQuery): Promise<Question[]>;
  /** Filter options with counts, across the bank or within one role. */
  facets(viewer: Actor | null, role?: string): Promise<QuestionFacets>;
}

export function createQuestionsService(deps: { db: Database; content: OrgContentService }): QuestionsService {
  const { db, content } = deps;
  const run = async (viewer: Actor | null, query: QuestionListQuery) => {
    let tsquery: string | undefined;
    if (query.q !== undefined) {
      const t = toPrefixTsQuery(query.q);
      if (t === null) throw new AppError('BAD_REQUEST', 'q: must contain at least one letter or digit');
      tsquery = t;
    }
    const search = { ...query, tsquery };
    return viewer === null ? repo.searchQuestions(db, search) : withTenant(db, viewer.tenantId, (tx) => repo.searchBank(tx, search));
  };
  const getFull = async (viewer: Actor | null, id: string): Promise<Question> => {
    const q = (await content.bankOf(viewer)).get(id);
    if (!q) throw notFound('question', id);
    return q;
  };
  return {
    async search(viewer, query) {
      const { total, hits } = await run(viewer, query);
      return {
        total,
        items: hits.map((h) => ({ ...toSummary(h.question), ...(h.rank === null ? {} : { rank: Number(h.rank.toFixed(4)) }) })),
      };
    },
    async searchFull(viewer, query) {
      return (await run(viewer, query)).hits.map((h) => h.question);
    },
    getFull,
    get: async (viewer, id) => toDetail(await getFull(viewer, id)),
    async facets(viewer, role) {
      const rows = viewer === null ? await repo.questionFacets(db, role) : await withTenant(db, viewer.tenantId, (tx) => repo.bankFacets(tx, role));
      const of = (kind: repo.FacetRow['facet']) =>
        orderFacets(kind, rows.filter((r) => r.facet === kind).map((r) => ({ id: r.id, count: Number(r.count) })));
      // Names from the guides the viewer sees (in memory): a stage is named by the backend guide if it has it, else by
      // the first shipped guide by id, else by the organization's own.
      const { guides } = await content.bankOf(viewer);
      const titles = new Map(guides.map((g) => [g.id, g.title]));
      const names = new Map<string, string>();
      const backendFirst = [...guides].sort((a, b) => Number(b.id === 'backend') - Number(a.id === 'backend') || Number(isOrgGuideId(a.id)) - Number(isOrgGuideId(b.id)));
      for (const g of backendFirst) for (const st of g.stages) if (!names.has(st.id)) names.set(st.id, st.name);
      return {
        total: of('difficulty').reduce((n, f) => n + f.count, 0),
        roles: of('role').map((f) => ({ ...f, title: titles.get(f.id) ?? f.id })),
        stages: of('stage').map((f) => ({ ...f, name: names.get(f.id) ?? f.id })),
        levels: of('level'),
        difficulties: of('difficulty'),
        skills: of('skill'),
      };
    },
    async modelAnswer(viewer, id) {
      const q = await getFull(viewer, id);
      return { id: q.id, modelAnswer: q.modelAnswer };
    },
  };
}
