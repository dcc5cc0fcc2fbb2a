import { z } from 'zod';
import { errorResponseSchema, userIdQuerySchema } from '../../shared/contracts/common.js';
import { createPlanBodySchema, planIdParamsSchema, planListSchema, planRecordSchema } from '../../shared/contracts/plans.js';
import type { Api, TenantResolver } from '../../http/types.js';
import type { PlansService } from './plans.service.js';

export function registerPlanRoutes(api: Api, deps: { plans: PlansService; actorOf: TenantResolver }): void {
  api.post('/api/plans', {
    bodyLimit: 12 * 1024 * 1024,
    schema: {
      tags: ['plans'],
      summary: 'Analyse a posting and store it with its prep plan (as your own)',
      body: createPlanBodySchema,
      response: { 201: planRecordSchema, 400: errorResponseSchema, 413: errorResponseSchema, 415: errorResponseSchema },
    },
    handler: async (req, reply) => {
      // Who is asking first: a posting is not read (PDF, DOCX) for a request that may not write.
      const actor = await deps.actorOf(req);
      const input = await deps.plans.postingFromBody(req.body);
      return reply.code(201).send(await deps.plans.create(actor, input));
    },
  });
  api.get('/api/plans', {
    schema: {
      tags: ['plans'],
      summary: 'Your plans, newest first; owners and coaches: a member’s, with userId',
      querystring: userIdQuerySchema,
      response: { 200: planListSchema, 400: errorResponseSchema, 404: errorResponseSchema },
    },
    handler: async (req) => ({ items: await deps.plans.list(await deps.actorOf(req), { userId: req.query.userId }) }),
  });
  api.get('/api/plans/:id', {
    schema: {
      tags: ['plans'],
      summary: 'One plan with its posting, analysis and Markdown export (a member’s, with userId)',
      params: planIdParamsSchema,
      querystring: userIdQuerySchema,
      response: { 200: planRecordSchema, 400: errorResponseSchema, 404: errorResponseSchema },
    },
    handler: async (req) => deps.plans.get(await deps.actorOf(req), req.params.id, { userId: req.query.userId }),
  });
  api.delete('/api/plans/:id', {
    schema: {
      tags: ['plans'],
      summary: 'Delete one of your plans and its posting (nobody else’s: another user’s plan is not found)',
      params: planIdParamsSchema,
      response: { 204: z.null().describe('Deleted'), 404: errorResponseSchema },
    },
    handler: async (req, reply) => {
      await deps.plans.remove(await deps.actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
}
