/**
 * The HTTP shell: Fastify with zod-typed routes, OpenAPI at /api/openapi.json and /docs, the built web UI, and one
 * error handler that maps every failure to a status and a JSON message naming the problem.
 */
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../app.js';
import { registerAccountRoutes } from '../features/accounts/accounts.route.js';
import { registerHealthRoutes } from '../features/health/health.route.js';
import { registerOrgContentRoutes } from '../features/org-content/org-content.route.js';
import { registerPlanRoutes } from '../features/plans/plans.route.js';
import { registerPracticeRoutes } from '../features/practice/practice.route.js';
import { registerQuestionRoutes } from '../features/questions/questions.route.js';
import { registerRoleRoutes } from '../features/roles/roles.route.js';
import { registerSavedRoutes } from '../features/saved/saved.route.js';
import { inputErrorFromDatabase } from '../infra/db/input-errors.js';
import { webDistDir } from '../infra/paths.js';
import type { ErrorResponse } from '../shared/contracts/common.js';
import { AppError } from '../shared/errors.js';
import type { Api } from './types.js';

export interface ServerOptions {
  logger?: boolean;
  /** Directory of the built web UI; defaults to dist/web. */
  webDir?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const body = (code: string, message: string, details: readonly string[] = []): ErrorResponse => ({ error: { code, message, ...(details.length > 0 ? { details: [...details] } : {}) } });

export async function buildServer(app: App, options: ServerOptions = {}): Promise<Api> {
  const api = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: 1_048_576,
    // Question ids contain a slash; accept it URL-encoded in a path parameter. Long enough that an over-long id reaches
    // the route's own validation (a 400 naming the parameter) rather than the router's bare 414.
    routerOptions: { maxParamLength: 2048 },
  }).withTypeProvider<ZodTypeProvider>();
  // The API speaks JSON only: any other request body answers 415.
  api.removeContentTypeParser('text/plain');
  // JSON bodies must be valid UTF-8: a broken byte sequence is a 400 naming the problem, never silently replaced.
  const jsonParser = api.getDefaultJsonParser('error', 'error');
  api.removeContentTypeParser('application/json');
  api.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, raw, done) => {
    let text: string;
    try {
      text = utf8.decode(raw as Buffer);
    } catch {
      done(new AppError('BAD_REQUEST', 'body: not valid UTF-8 text'), undefined);
      return;
    }
    void jsonParser(req, text, done);
  });
  api.setValidatorCompiler(validatorCompiler);
  api.setSerializerCompiler(serializerCompiler);

  api.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'request';
      const problems = err.validation
        .map((v) => {
          const field = [where === 'querystring' ? 'query' : where, ...v.instancePath.split('/').filter(Boolean)].join('.');
          const params = v.params as { issue?: { code?: string; keys?: string[] } };
          if (params.issue?.code === 'unrecognized_keys' && params.issue.keys) {
            return `${where === 'querystring' ? 'query' : where}: unknown parameter ${params.issue.keys.map((k) => `"${k}"`).join(', ')}`;
          }
          return `${field}: ${v.message ?? 'is invalid'}`;
        });
      return reply.code(400).send(body('BAD_REQUEST', problems.join('; '), problems.length > 1 ? problems : []));
    }
    if (err instanceof AppError) return reply.code(err.status).send(body(err.code, err.message, err.status < 500 ? err.details : []));
    const input = inputErrorFromDatabase(err);
    if (input) return reply.code(input.status).send(body(input.code, input.message));
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response failed its schema');
      return reply.code(500).send(body('INTERNAL', 'the server produced an invalid response'));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
      return reply.code(status).send(body(code, err.message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(body('INTERNAL', 'internal error'));
  });

  await api.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Loopcoach API',
        version: '0.1.0',
        description: 'Role guides, questions with answer frameworks, and the candidate’s own data. All responses are JSON; errors are `{ error: { code, message } }`.',
      },
      tags: [
        { name: 'roles', description: 'Role guides and their interview loops' },
        { name: 'questions', description: 'The question bank with answer frameworks' },
        { name: 'organization content', description: 'An organization’s own questions and role guides, shown beside the shipped ones to its members (owners and coaches edit)' },
        { name: 'saved', description: 'Questions the user saved (their own data)' },
        { name: 'plans', description: 'Job postings and the prep plans built from them (the user’s own data)' },
        { name: 'practice', description: 'Scoring, attempts, reviews, sessions and progress (the user’s own data; owners and coaches read their members’ with ?userId=)' },
        { name: 'members', description: 'Server mode: an organization’s owners and coaches overview their members’ practice' },
        { name: 'accounts', description: 'Who is asking (server mode: accounts and organizations, see /api/auth/* in the README)' },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await api.register(fastifySwaggerUi, { routePrefix: '/docs' });

  api.get('/api/openapi.json', { schema: { hide: true } }, () => api.swagger());

  // Local mode: the one local tenant, no user. Server mode: the session's user in its organization, checked for
  // membership (401/404), with their role there.
  const actorOf = app.accounts.actorOf;
  registerAccountRoutes(api, { accounts: app.accounts, auth: app.auth && app.config.auth ? { gateway: app.auth, baseURL: app.config.auth.baseURL } : null });
  registerHealthRoutes(api, { kind: app.db.kind, readiness: () => app.readiness() });
  const viewerOf = app.accounts.viewerOf;
  registerRoleRoutes(api, { roles: app.services.roles, viewerOf });
  registerQuestionRoutes(api, { questions: app.services.questions, viewerOf });
  registerOrgContentRoutes(api, { content: app.services.orgContent, actorOf });
  registerSavedRoutes(api, { saved: app.services.saved, actorOf });
  registerPlanRoutes(api, { plans: app.services.plans, actorOf });
  registerPracticeRoutes(api, { practice: app.services.practice, actorOf, viewerOf });

  // The built web UI. Files are looked up per request, so rebuilding the UI needs no restart.
  const webDir = options.webDir ?? webDistDir();
  await api.register(fastifyStatic, { root: webDir, wildcard: true, index: ['index.html'] });
  api.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path === '/api' || req.method !== 'GET') {
      return reply.code(404).send(body('NOT_FOUND', `no route ${req.method} ${path}`));
    }
    if (/\.[a-z0-9]+$/i.test(path)) {
      // A missing asset is a 404, not the app shell (a browser would try to run HTML as a script).
      return reply.code(404).type('text/plain').send(`not found: ${path}`);
    }
    if (!existsSync(join(webDir, 'index.html'))) {
      return reply.code(404).type('text/plain').send('The web UI is not built. Run "npm run build:web", or use the API at /api and /docs.');
    }
    // The web UI routes on the client: every other GET gets the app shell.
    return reply.type('text/html').sendFile('index.html');
  });

  return api;
}
