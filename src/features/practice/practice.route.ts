import { z } from 'zod';
import { errorResponseSchema } from '../../shared/contracts/common.js';
import {
  attemptIdParamsSchema,
  attemptListQuerySchema,
  attemptListSchema,
  attemptRecordSchema,
  createAttemptBodySchema,
  createSessionBodySchema,
  dueReviewsSchema,
  idempotencyHeadersSchema,
  progressQuerySchema,
  progressSchema,
  scoreBodySchema,
  scoreResultSchema,
  sessionIdParamsSchema,
  sessionListSchema,
  sessionRecordSchema,
} from '../../shared/contracts/practice.js';
import type { Api, TenantResolver } from '../../http/types.js';
import type { PracticeService } from './practice.service.js';

const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 413: errorResponseSchema };

export function registerPracticeRoutes(api: Api, deps: { practice: PracticeService; tenantOf: TenantResolver }): void {
  const { practice, tenantOf } = deps;
  api.post('/api/score', {
    schema: {
      tags: ['practice'],
      summary: 'Score an answer without recording it',
      description: 'Deterministic: the same answer always gets the same result. Nothing is stored.',
      body: scoreBodySchema,
      response: { 200: scoreResultSchema, ...errors },
    },
    handler: (req) => practice.score(req.body.questionId, req.body.answer, req.body.level),
  });

  api.post('/api/attempts', {
    schema: {
      tags: ['practice'],
      summary: 'Record a scored attempt and update the question’s review schedule',
      description:
        'Requires an Idempotency-Key header. A retried request with the same key and body returns the first attempt (200) instead of recording it twice; the same key with a different body is a 409.',
      headers: idempotencyHeadersSchema,
      body: createAttemptBodySchema,
      response: { 201: attemptRecordSchema, 200: attemptRecordSchema, ...errors },
    },
    handler: async (req, reply) => {
      const { record, replayed } = await practice.createAttempt(await tenantOf(req), req.headers['idempotency-key'], req.body);
      void reply.header('idempotent-replayed', String(replayed));
      return reply.code(replayed ? 200 : 201).send(record);
    },
  });
  api.get('/api/attempts', {
    schema: { tags: ['practice'], summary: 'Your attempts, newest first', querystring: attemptListQuerySchema, response: { 200: attemptListSchema } },
    handler: async (req) => ({ items: await practice.listAttempts(await tenantOf(req), { questionId: req.query.questionId, limit: req.query.limit }) }),
  });
  api.get('/api/attempts/:id', {
    schema: { tags: ['practice'], summary: 'One attempt with its feedback and the model answer', params: attemptIdParamsSchema, response: { 200: attemptRecordSchema, ...errors } },
    handler: async (req) => practice.getAttempt(await tenantOf(req), req.params.id),
  });

  api.get('/api/reviews/due', {
    schema: { tags: ['practice'], summary: 'Questions due for review (FSRS), most overdue first', response: { 200: dueReviewsSchema } },
    handler: async (req) => practice.dueReviews(await tenantOf(req)),
  });

  api.post('/api/sessions', {
    schema: {
      tags: ['practice'],
      summary: 'Start a practice, interview or mock-loop session from a plan or a role guide',
      body: createSessionBodySchema,
      response: { 201: sessionRecordSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await practice.createSession(await tenantOf(req), req.body)),
  });
  api.get('/api/sessions', {
    schema: { tags: ['practice'], summary: 'Your sessions, newest first', response: { 200: sessionListSchema } },
    handler: async (req) => ({ items: await practice.listSessions(await tenantOf(req)) }),
  });
  api.get('/api/sessions/:id', {
    schema: { tags: ['practice'], summary: 'A session with its questions, scores and scorecard', params: sessionIdParamsSchema, response: { 200: sessionRecordSchema, ...errors } },
    handler: async (req) => practice.getSession(await tenantOf(req), req.params.id),
  });
  api.post('/api/sessions/:id/finish', {
    schema: { tags: ['practice'], summary: 'Finish a session (its scorecard stays)', params: sessionIdParamsSchema, body: z.unknown().optional(), response: { 200: sessionRecordSchema, ...errors } },
    handler: async (req) => practice.finishSession(await tenantOf(req), req.params.id),
  });
  api.get('/api/mock-loops/:id/scorecard', {
    schema: { tags: ['practice'], summary: 'A mock loop’s scorecard: a signal per stage and overall, at the loop’s level', params: sessionIdParamsSchema, response: { 200: sessionRecordSchema.shape.scorecard, ...errors } },
    handler: async (req) => (await practice.getSession(await tenantOf(req), req.params.id)).scorecard,
  });

  api.get('/api/progress', {
    schema: { tags: ['practice'], summary: 'Score trend, mastery per skill, due reviews and readiness per stage', querystring: progressQuerySchema, response: { 200: progressSchema, ...errors } },
    handler: async (req) => practice.progress(await tenantOf(req), { role: req.query.role, planId: req.query.planId }),
  });
}
