import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RequestLike } from '../features/accounts/accounts.service.js';
import type { Actor } from '../features/accounts/visibility.js';

/** A Fastify instance whose routes are typed by their zod schemas. */
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/**
 * Who a request acts as (an Actor: tenant, user, role). Local mode: the one personal tenant, no user. Server mode: the
 * session's user, in the organization named by x-organization-id, else the session's active one, else the personal
 * one (401/404), with their role there.
 */
export type { TenantResolver } from '../features/accounts/accounts.service.js';

/** Who asks for public content: the actor with a session, null without one (see AccountsService.viewerOf). */
export type ViewerResolver = (request: RequestLike) => Promise<Actor | null>;
