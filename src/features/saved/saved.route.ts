import { z } from 'zod';
import { errorResponseSchema } from '../../shared/contracts/common.js';
import { questionIdParamsSchema } from '../../shared/contracts/questions.js';
import { saveBodySchema, savedListSchema, savedQuestionSchema } from '../../shared/contracts/saved.js';
import type { Api, TenantResolver } from '../../http/types.js';
import type { SavedService } from './saved.service.js';

export function registerSavedRoutes(api: Api, deps: { saved: SavedService; actorOf: TenantResolver }): void {
  api.get('/api/saved', {
    schema: { tags: ['saved'], summary: 'Your questions saved for later practice', response: { 200: savedListSchema } },
    handler: async (req) => ({ items: await deps.saved.list(await deps.actorOf(req)) }),
  });
  api.put('/api/saved/:id', {
    schema: {
      tags: ['saved'],
      summary: 'Save a question (idempotent; replaces the note)',
      params: questionIdParamsSchema,
      body: saveBodySchema,
      response: { 200: savedQuestionSchema, 400: errorResponseSchema, 404: errorResponseSchema },
    },
    handler: async (req) => deps.saved.save(await deps.actorOf(req), req.params.id, req.body.note),
  });
  api.delete('/api/saved/:id', {
    schema: {
      tags: ['saved'],
      summary: 'Forget a saved question',
      params: questionIdParamsSchema,
      response: { 204: z.null().describe('Removed'), 404: errorResponseSchema },
    },
    handler: async (req, reply) => {
      await deps.saved.remove(await deps.actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
}
