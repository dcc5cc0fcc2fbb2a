import { z } from 'zod';
import { errorResponseSchema } from '../../shared/contracts/common.js';
import {
  modelAnswerSchema,
  questionDetailSchema,
  questionFacetsQuerySchema,
  questionFacetsSchema,
  questionIdParamsSchema,
  questionListQuerySchema,
  questionListSchema,
} from '../../shared/contracts/questions.js';
import type { Api, ViewerResolver } from '../../http/types.js';
import type { QuestionsService } from './questions.service.js';

const splitIdParams = z.strictObject({ role: z.string().min(1).max(80), slug: z.string().min(1).max(120) });

export function registerQuestionRoutes(api: Api, deps: { questions: QuestionsService; viewerOf: ViewerResolver }): void {
  const { viewerOf } = deps;
  api.get('/api/questions', {
    schema: {
      tags: ['questions'],
      summary: 'Search and filter questions',
      querystring: questionListQuerySchema,
      response: { 200: questionListSchema, 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema },
    },
    handler: async (req) => deps.questions.search(await viewerOf(req), req.query),
  });

  api.get('/api/questions/facets', {
    schema: {
      tags: ['questions'],
      summary: 'Filter options with counts: roles, stages (with names), levels, difficulties, skills',
      querystring: questionFacetsQuerySchema,
      response: { 200: questionFacetsSchema, 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema },
    },
    handler: async (req) => deps.questions.facets(await viewerOf(req), req.query.role),
  });

  const detail = { tags: ['questions'], response: { 200: questionDetailSchema, 401: errorResponseSchema, 404: errorResponseSchema } };
  api.get('/api/questions/:id', {
    schema: {
      ...detail,
      summary: 'One question with its framework, rubric, mistakes and follow-ups (ids contain a slash: URL-encode it)',
      params: questionIdParamsSchema,
    },
    handler: async (req) => deps.questions.get(await viewerOf(req), req.params.id),
  });
  api.get('/api/questions/:role/:slug', {
    schema: { ...detail, hide: true, params: splitIdParams },
    handler: async (req) => deps.questions.get(await viewerOf(req), `${req.params.role}/${req.params.slug}`),
  });

  const answer = { tags: ['questions'], response: { 200: modelAnswerSchema, 401: errorResponseSchema, 404: errorResponseSchema } };
  api.get('/api/questions/:id/model-answer', {
    schema: { ...answer, summary: 'The model answer (Markdown), meant to be read after an attempt', params: questionIdParamsSchema },
    handler: async (req) => deps.questions.modelAnswer(await viewerOf(req), req.params.id),
  });
  api.get('/api/questions/:role/:slug/model-answer', {
    schema: { ...answer, hide: true, params: splitIdParams },
    handler: async (req) => deps.questions.modelAnswer(await viewerOf(req), `${req.params.role}/${req.params.slug}`),
  });
}
