import { z } from 'zod';
import { errorResponseSchema, userIdQuerySchema } from '../../shared/contracts/common.js';
import {
  attemptIdParamsSchema,
  attemptListQuerySchema,
  attemptListSchema,
  attemptRecordSchema,
  createAttemptBodySchema,
  createSessionBodySchema,
  dueReviewsSchema,
  idempotencyHeadersSchema,
  membersProgressQuerySchema,
  membersProgressSchema,
  progressQuerySchema,
  progressSchema,
  scoreBodySchema,
  scoreResultSchema,
  sessionIdParamsSchema,
  sessionListSchema,
  sessionRecordSchema,
} from '../../shared/contracts/practice.js';
import type { Api, TenantResolver, ViewerResolver } from '../../http/types.js';
import type { PracticeService } from './practice.service.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 413: errorResponseSchema };
const readErrors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const OWNER_NOTE = 'Your own by default; owners and coaches read a member’s with userId (anyone else named is a 404). Read-only: nobody answers, finishes or deletes as another user.';

export function registerPracticeRoutes(api: Api, deps: { practice: PracticeService; actorOf: TenantResolver; viewerOf: ViewerResolver }): void {
  const { practice, actorOf, viewerOf } = deps;
  api.post('/api/score', {
    schema: {
      tags: ['practice'],
      summary: 'Score an answer without recording it',
      description: 'Deterministic: the same answer always gets the same result. Nothing is stored.',
      body: scoreBodySchema,
      response: { 200: scoreResultSchema, ...errors },
    },
    handler: async (req) => practice.score(await viewerOf(req), req.body.questionId, req.body.answer, req.body.level),
  });

  api.post('/api/attempts', {
    schema: {
      tags: ['practice'],
      summary: 'Record a scored attempt (as yours) and update the question’s review schedule',
      description:
        'Requires an Idempotency-Key header (keys are per user). A retried request with the same key and body returns the first attempt (200) instead of recording it twice; the same key with a different body is a 409. A sessionId must name one of your own sessions.',
      headers: idempotencyHeadersSchema,
      body: createAttemptBodySchema,
      response: { 201: attemptRecordSchema, 200: attemptRecordSchema, ...errors },
    },
    handler: async (req, reply) => {
      const { record, replayed } = await practice.createAttempt(await actorOf(req), req.headers['idempotency-key'], req.body);
      void reply.header('idempotent-replayed', String(replayed));
      return reply.code(replayed ? 200 : 201).send(record);
    },
  });
  api.get('/api/attempts', {
    schema: { tags: ['practice'], summary: 'Your attempts, newest first (a member’s, with userId)', description: OWNER_NOTE, querystring: attemptListQuerySchema, response: { 200: attemptListSchema, ...readErrors } },
    handler: async (req) => ({ items: await practice.listAttempts(await actorOf(req), { questionId: req.query.questionId, limit: req.query.limit, userId: req.query.userId }) }),
  });
  api.get('/api/attempts/:id', {
    schema: {
      tags: ['practice'],
      summary: 'One attempt with its feedback and the model answer (a member’s, with userId)',
      description: OWNER_NOTE,
      params: attemptIdParamsSchema,
      querystring: userIdQuerySchema,
      response: { 200: attemptRecordSchema, ...errors },
    },
    handler: async (req) => practice.getAttempt(await actorOf(req), req.params.id, { userId: req.query.userId }),
  });

  api.get('/api/reviews/due', {
    schema: { tags: ['practice'], summary: 'Questions due for review (FSRS), most overdue first (a member’s, with userId)', description: OWNER_NOTE, querystring: userIdQuerySchema, response: { 200: dueReviewsSchema, ...readErrors } },
    handler: async (req) => practice.dueReviews(await actorOf(req), { userId: req.query.userId }),
  });

  api.post('/api/sessions', {
    schema: {
      tags: ['practice'],
      summary: 'Start a practice, interview or mock-loop session (yours) from one of your plans or a role guide',
      body: createSessionBodySchema,
      response: { 201: sessionRecordSchema, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await practice.createSession(await actorOf(req), req.body)),
  });
  api.get('/api/sessions', {
    schema: { tags: ['practice'], summary: 'Your sessions, newest first (a member’s, with userId)', description: OWNER_NOTE, querystring: userIdQuerySchema, response: { 200: sessionListSchema, ...readErrors } },
    handler: async (req) => ({ items: await practice.listSessions(await actorOf(req), { userId: req.query.userId }) }),
  });
  api.get('/api/sessions/:id', {
    schema: {
      tags: ['practice'],
      summary: 'A session with its questions, scores and scorecard (a member’s, with userId)',
      description: OWNER_NOTE,
      params: sessionIdParamsSchema,
      querystring: userIdQuerySchema,
      response: { 200: sessionRecordSchema, ...errors },
    },
    handler: async (req) => practice.getSession(await actorOf(req), req.params.id, { userId: req.query.userId }),
  });
  api.post('/api/sessions/:id/finish', {
    schema: { tags: ['practice'], summary: 'Finish one of your sessions (its scorecard stays)', params: sessionIdParamsSchema, body: z.unknown().optional(), response: { 200: sessionRecordSchema, ...errors } },
    handler: async (req) => practice.finishSession(await actorOf(req), req.params.id),
  });
  api.get('/api/mock-loops/:id/scorecard', {
    schema: {
      tags: ['practice'],
      summary: 'A mock loop’s scorecard: a signal per stage and overall, at the loop’s level (a member’s, with userId)',
      description: OWNER_NOTE,
      params: sessionIdParamsSchema,
      querystring: userIdQuerySchema,
      response: { 200: sessionRecordSchema.shape.scorecard, ...errors },
    },
    handler: async (req) => (await practice.getSession(await actorOf(req), req.params.id, { userId: req.query.userId })).scorecard,
  });

  api.get('/api/progress', {
    schema: {
      tags: ['practice'],
      summary: 'Score trend, mastery per skill, due reviews and readiness per stage (a member’s, with userId)',
      description: OWNER_NOTE,
      querystring: progressQuerySchema,
      response: { 200: progressSchema, ...errors },
    },
    handler: async (req) => practice.progress(await actorOf(req), { role: req.query.role, planId: req.query.planId, userId: req.query.userId }),
  });

  api.get('/api/members/progress', {
    schema: {
      tags: ['members'],
      summary: 'Owners and coaches: each member’s attempts, recent average score, due reviews and readiness',
      description: 'Every user with the role member in the organization the request acts for, by name. A member, or local mode, is refused (403). Drill into one member with /api/progress?userId=.',
      querystring: membersProgressQuerySchema,
      response: { 200: membersProgressSchema, 403: errorResponseSchema, 404: errorResponseSchema },
    },
    handler: async (req) => practice.membersProgress(await actorOf(req), { role: req.query.role }),
  });
}
