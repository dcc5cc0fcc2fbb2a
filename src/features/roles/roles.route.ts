import { errorResponseSchema } from '../../shared/contracts/common.js';
import { roleDetailSchema, roleListSchema, roleParamsSchema } from '../../shared/contracts/roles.js';
import type { Api, ViewerResolver } from '../../http/types.js';
import type { RolesService } from './roles.service.js';

export function registerRoleRoutes(api: Api, deps: { roles: RolesService; viewerOf: ViewerResolver }): void {
  api.get('/api/roles', {
    schema: { tags: ['roles'], summary: 'List role guides (with a session, your organization’s own beside the shipped ones)', response: { 200: roleListSchema, 401: errorResponseSchema, 404: errorResponseSchema } },
    handler: async (req) => ({ items: await deps.roles.list(await deps.viewerOf(req)) }),
  });
  api.get('/api/roles/:role', {
    schema: {
      tags: ['roles'],
      summary: 'A role guide: its loop, questions by stage, tips, FAQ and related roles',
      params: roleParamsSchema,
      response: { 200: roleDetailSchema, 401: errorResponseSchema, 404: errorResponseSchema },
    },
    handler: async (req) => deps.roles.get(await deps.viewerOf(req), req.params.role),
  });
}
