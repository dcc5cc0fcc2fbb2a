import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** A Fastify instance whose routes are typed by their zod schemas. */
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/**
 * Which tenant a request acts for. Local mode: always the one personal tenant. Server mode: the session's user, in
 * the organization named by x-organization-id, else the session's active one, else the personal one (401/404).
 */
export type { TenantResolver } from '../features/accounts/accounts.service.js';
