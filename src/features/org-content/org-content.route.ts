import { z } from 'zod';
import { errorResponseSchema } from '../../shared/contracts/common.js';
import {
  markdownBodySchema,
  orgGuideInputSchema,
  orgGuideListSchema,
  orgGuideRecordSchema,
  orgQuestionInputSchema,
  orgQuestionListSchema,
  orgQuestionRecordSchema,
  orgSlugParamsSchema,
} from '../../shared/contracts/org-content.js';
import type { Api, TenantResolver } from '../../http/types.js';
import { ORG_GUIDE_LIMIT, ORG_QUESTION_LIMIT, type OrgContentService } from './org-content.service.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const tags = ['organization content'];

/**
 * The organization's own questions (/api/org/questions) and role guides (/api/org/roles): list (everyone in the
 * organization), and for owners and coaches: read for editing, create, replace and delete, as JSON or as Markdown.
 */
export function registerOrgContentRoutes(api: Api, deps: { content: OrgContentService; actorOf: TenantResolver }): void {
  const { content, actorOf } = deps;

  api.get('/api/org/questions', {
    schema: { tags, summary: 'Your organization’s own questions', response: { 200: orgQuestionListSchema, 401: errorResponseSchema, 404: errorResponseSchema } },
    handler: async (req) => ({ items: await content.listQuestions(await actorOf(req)), limit: ORG_QUESTION_LIMIT }),
  });
  api.post('/api/org/questions', {
    schema: { tags, summary: 'Add a question (JSON: the fields of a shipped question, slug instead of id); stored as org/<slug>', body: orgQuestionInputSchema, response: { 201: orgQuestionRecordSchema, ...errors } },
    handler: async (req, reply) => reply.code(201).send(await content.createQuestion(await actorOf(req), { json: req.body })),
  });
  api.post('/api/org/questions/markdown', {
    schema: { tags, summary: 'Add a question written as Markdown with YAML front matter (the format of content/questions/*.md, slug instead of id)', body: markdownBodySchema, response: { 201: orgQuestionRecordSchema, ...errors } },
    handler: async (req, reply) => reply.code(201).send(await content.createQuestion(await actorOf(req), { markdown: req.body.markdown })),
  });
  api.get('/api/org/questions/:slug', {
    schema: { tags, summary: 'One of your organization’s questions, whole and as Markdown, for editing', params: orgSlugParamsSchema, response: { 200: orgQuestionRecordSchema, ...errors } },
    handler: async (req) => content.getQuestion(await actorOf(req), req.params.slug),
  });
  api.put('/api/org/questions/:slug', {
    schema: { tags, summary: 'Replace a question (JSON); the slug stays', params: orgSlugParamsSchema, body: orgQuestionInputSchema, response: { 200: orgQuestionRecordSchema, ...errors } },
    handler: async (req) => content.replaceQuestion(await actorOf(req), req.params.slug, { json: req.body }),
  });
  api.put('/api/org/questions/:slug/markdown', {
    schema: { tags, summary: 'Replace a question (Markdown); the slug stays', params: orgSlugParamsSchema, body: markdownBodySchema, response: { 200: orgQuestionRecordSchema, ...errors } },
    handler: async (req) => content.replaceQuestion(await actorOf(req), req.params.slug, { markdown: req.body.markdown }),
  });
  api.delete('/api/org/questions/:slug', {
    schema: { tags, summary: 'Remove a question (attempts at it stay, under its id)', params: orgSlugParamsSchema, response: { 204: z.null().describe('Removed'), ...errors } },
    handler: async (req, reply) => {
      await content.deleteQuestion(await actorOf(req), req.params.slug);
      return reply.code(204).send(null);
    },
  });

  api.get('/api/org/roles', {
    schema: { tags, summary: 'Your organization’s own role guides', response: { 200: orgGuideListSchema, 401: errorResponseSchema, 404: errorResponseSchema } },
    handler: async (req) => ({ items: await content.listGuides(await actorOf(req)), limit: ORG_GUIDE_LIMIT }),
  });
  api.post('/api/org/roles', {
    schema: { tags, summary: 'Add a role guide (JSON: the fields of a shipped guide, slug instead of id); stored as org-<slug>', body: orgGuideInputSchema, response: { 201: orgGuideRecordSchema, ...errors } },
    handler: async (req, reply) => reply.code(201).send(await content.createGuide(await actorOf(req), { json: req.body })),
  });
  api.post('/api/org/roles/markdown', {
    schema: { tags, summary: 'Add a role guide written as Markdown with YAML front matter (the format of content/roles/*.md, slug instead of id)', body: markdownBodySchema, response: { 201: orgGuideRecordSchema, ...errors } },
    handler: async (req, reply) => reply.code(201).send(await content.createGuide(await actorOf(req), { markdown: req.body.markdown })),
  });
  api.get('/api/org/roles/:slug', {
    schema: { tags, summary: 'One of your organization’s role guides, whole and as Markdown, for editing', params: orgSlugParamsSchema, response: { 200: orgGuideRecordSchema, ...errors } },
    handler: async (req) => content.getGuide(await actorOf(req), req.params.slug),
  });
  api.put('/api/org/roles/:slug', {
    schema: { tags, summary: 'Replace a role guide (JSON); the slug stays', params: orgSlugParamsSchema, body: orgGuideInputSchema, response: { 200: orgGuideRecordSchema, ...errors } },
    handler: async (req) => content.replaceGuide(await actorOf(req), req.params.slug, { json: req.body }),
  });
  api.put('/api/org/roles/:slug/markdown', {
    schema: { tags, summary: 'Replace a role guide (Markdown); the slug stays', params: orgSlugParamsSchema, body: markdownBodySchema, response: { 200: orgGuideRecordSchema, ...errors } },
    handler: async (req) => content.replaceGuide(await actorOf(req), req.params.slug, { markdown: req.body.markdown }),
  });
  api.delete('/api/org/roles/:slug', {
    schema: { tags, summary: 'Remove a role guide (refused while questions or guides refer to it)', params: orgSlugParamsSchema, response: { 204: z.null().describe('Removed'), ...errors } },
    handler: async (req, reply) => {
      await content.deleteGuide(await actorOf(req), req.params.slug);
      return reply.code(204).send(null);
    },
  });
}
