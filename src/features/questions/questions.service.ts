import type { Question } from '../../core/content/schema.js';
import { toPrefixTsQuery } from '../../core/search/tsquery.js';
import type { Queryable } from '../../infra/db/database.js';
import { orderFacets } from '../../core/questions/facets.js';
import type { ModelAnswer, QuestionDetail, QuestionFacets, QuestionList, QuestionListQuery, QuestionSummary } from '../../shared/contracts/questions.js';
import { AppError, notFound } from '../../shared/errors.js';
import { roleTitles } from '../roles/roles.repository.js';
import * as repo from './questions.repository.js';

export function toSummary(q: Question): QuestionSummary {
  return {
    id: q.id,
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
  return rest;
}

export interface QuestionsService {
  search(query: QuestionListQuery): Promise<QuestionList>;
  get(id: string): Promise<QuestionDetail>;
  getFull(id: string): Promise<Question>;
  modelAnswer(id: string): Promise<ModelAnswer>;
  /** Every field of every matching question, for exports and the CLI's --json. */
  searchFull(query: QuestionListQuery): Promise<Question[]>;
  /** Filter options with counts, across the bank or within one role. */
  facets(role?: string): Promise<QuestionFacets>;
}

export function createQuestionsService(deps: { db: Queryable }): QuestionsService {
  const { db } = deps;
  const run = async (query: QuestionListQuery) => {
    let tsquery: string | undefined;
    if (query.q !== undefined) {
      const t = toPrefixTsQuery(query.q);
      if (t === null) throw new AppError('BAD_REQUEST', 'q: must contain at least one letter or digit');
      tsquery = t;
    }
    return repo.searchQuestions(db, { ...query, tsquery });
  };
  const getFull = async (id: string): Promise<Question> => {
    const q = await repo.findQuestion(db, id);
    if (!q) throw notFound('question', id);
    return q;
  };
  return {
    async search(query) {
      const { total, hits } = await run(query);
      return {
        total,
        items: hits.map((h) => ({ ...toSummary(h.question), ...(h.rank === null ? {} : { rank: Number(h.rank.toFixed(4)) }) })),
      };
    },
    async searchFull(query) {
      return (await run(query)).hits.map((h) => h.question);
    },
    getFull,
    get: async (id) => toDetail(await getFull(id)),
    async facets(role) {
      const rows = await repo.questionFacets(db, role);
      const of = (kind: repo.FacetRow['facet']) =>
        orderFacets(kind, rows.filter((r) => r.facet === kind).map((r) => ({ id: r.id, count: Number(r.count) })));
      const [names, titles] = await Promise.all([repo.stageNames(db), roleTitles(db, of('role').map((r) => r.id))]);
      return {
        total: of('difficulty').reduce((n, f) => n + f.count, 0),
        roles: of('role').map((f) => ({ ...f, title: titles.get(f.id) ?? f.id })),
        stages: of('stage').map((f) => ({ ...f, name: names.get(f.id) ?? f.id })),
        levels: of('level'),
        difficulties: of('difficulty'),
        skills: of('skill'),
      };
    },
    async modelAnswer(id) {
      const q = await getFull(id);
      return { id: q.id, modelAnswer: q.modelAnswer };
    },
  };
}
