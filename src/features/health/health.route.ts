import { healthSchema, readinessSchema } from '../../shared/contracts/common.js';
import type { Api } from '../../http/types.js';

export function registerHealthRoutes(api: Api, deps: { kind: 'pglite' | 'postgres'; readiness: () => Promise<{ roles: number; questions: number }> }): void {
  api.get('/healthz', {
    schema: { tags: ['health'], summary: 'Liveness: the process answers', response: { 200: healthSchema } },
    handler: () => ({ status: 'ok' as const }),
  });
  api.get('/readyz', {
    schema: { tags: ['health'], summary: 'Readiness: the database answers and content is loaded', response: { 200: readinessSchema, 503: readinessSchema } },
    handler: async (_req, reply) => {
      try {
        const counts = await deps.readiness();
        const ready = counts.roles > 0 && counts.questions > 0;
        return await reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not-ready', database: deps.kind, ...counts });
      } catch {
        return reply.code(503).send({ status: 'not-ready', database: deps.kind, roles: 0, questions: 0 });
      }
    },
  });
}
