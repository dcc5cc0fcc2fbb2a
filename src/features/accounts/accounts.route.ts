/**
 * GET /api/me, and in server mode better-auth's endpoints under /api/auth/* (sign-up, sign-in, sessions,
 * organizations, invitations), forwarded to its Fetch handler. Their errors are answered in the API's one shape,
 * `{ error: { code, message } }`, with better-auth's status and code.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Api } from '../../http/types.js';
import { AUTH_BASE_PATH, CLIENT_IP_HEADER, type AuthGateway } from '../../infra/auth/better-auth.js';
import { inputErrorFromDatabase } from '../../infra/db/input-errors.js';
import { meSchema } from '../../shared/contracts/accounts.js';
import { errorResponseSchema, type ErrorResponse } from '../../shared/contracts/common.js';
import type { AccountsService } from './accounts.service.js';

/** Request headers never passed on: the body is re-serialised, and the client address is the connection's. */
const DROPPED_REQUEST_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'host', CLIENT_IP_HEADER]);
const DROPPED_RESPONSE_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'set-cookie']);

export function registerAccountRoutes(api: Api, deps: { accounts: AccountsService; auth: { gateway: AuthGateway; baseURL: string } | null }): void {
  api.get('/api/me', {
    schema: {
      tags: ['accounts'],
      summary: 'Who is asking: the user, their organizations with their role, and the organization this request acts for',
      description: 'Send x-organization-id to ask about acting in another of your organizations. Local mode: no user, the local workspace.',
      response: { 200: meSchema, 401: errorResponseSchema, 404: errorResponseSchema },
    },
    handler: (req) => deps.accounts.me(req),
  });

  const auth = deps.auth;
  if (auth === null) return;
  api.route({
    method: ['GET', 'POST'],
    url: `${AUTH_BASE_PATH}/*`,
    schema: { hide: true },
    handler: (req, reply) => forward(auth.gateway, auth.baseURL, req, reply),
  });
}

async function forward(gateway: AuthGateway, baseURL: string, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || DROPPED_REQUEST_HEADERS.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  headers.set(CLIENT_IP_HEADER, req.ip);
  const hasBody = req.method === 'POST' && req.body !== undefined && req.body !== null;
  const request = new Request(new URL(req.url, baseURL), {
    method: req.method,
    headers,
    ...(hasBody ? { body: JSON.stringify(req.body) } : {}),
  });

  let response: Response;
  try {
    response = await gateway.handler(request);
  } catch (err) {
    throw inputErrorFromDatabase(err) ?? err;
  }

  const text = await response.text();
  const failure = response.status >= 400 && response.status < 500 ? errorBody(response, text) : null;
  // better-auth refuses some permissions with a 401 (e.g. removing a member); 401 here means "sign in", so a refusal
  // to a signed-in user is the 403 it is.
  const status = response.status === 401 && failure?.error.code.startsWith('YOU_ARE_NOT_ALLOWED') ? 403 : response.status;
  void reply.code(status);
  response.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name)) void reply.header(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) void reply.header('set-cookie', cookies);
  if (failure) return reply.type('application/json').send(failure);
  if (response.status >= 500) {
    req.log.error({ status: response.status, body: text.slice(0, 500) }, 'auth endpoint failed');
    return reply.type('application/json').send({ error: { code: 'INTERNAL', message: 'internal error' } } satisfies ErrorResponse);
  }
  return reply.send(text);
}

/** better-auth answers `{ code, message }` (or plain text): the API's errors are `{ error: { code, message } }`. */
function errorBody(response: Response, text: string): ErrorResponse {
  let code = STATUS_CODES[response.status] ?? 'BAD_REQUEST';
  let message = text.trim() || response.statusText || code;
  try {
    const parsed = JSON.parse(text) as { code?: unknown; message?: unknown };
    if (typeof parsed.code === 'string' && parsed.code.length > 0) code = parsed.code;
    if (typeof parsed.message === 'string' && parsed.message.length > 0) message = parsed.message;
  } catch {
    // plain text: keep it as the message
  }
  return { error: { code, message: message.slice(0, 500) } };
}

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
};
