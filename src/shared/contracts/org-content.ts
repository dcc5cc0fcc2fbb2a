/**
 * Contracts for an organization's own questions and role guides (editors: owners and coaches; local mode's user).
 * Each is written as JSON (the same fields as shipped content, `slug` instead of `id`) or as Markdown in the format
 * of content/*.md. Members see them beside the shipped content through /api/questions and /api/roles.
 */
import { z } from 'zod';
import { orgGuideInputSchema, orgQuestionInputSchema } from '../../core/content/org-content.js';
import { questionFrontMatterSchema, roleGuideFrontMatterSchema } from '../../core/content/schema.js';

export { orgGuideInputSchema, orgQuestionInputSchema };

export const contentSourceSchema = z.enum(['shipped', 'organization']).describe('Shipped with Loopcoach, or your organization’s own');
export type ContentSource = z.infer<typeof contentSourceSchema>;

export const orgSlugParamsSchema = z.strictObject({
  slug: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug')
    .describe('The slug: org/<slug> for a question, org-<slug> for a role guide'),
});

export const markdownBodySchema = z.strictObject({
  markdown: z.string().min(1, 'must not be empty').max(200_000, 'must be at most 200,000 characters').describe('YAML front matter (with slug) and a Markdown body, as in content/'),
});

const authorship = {
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().nullable().describe('User id (null in local mode)'),
  updatedBy: z.string().nullable(),
};

export const orgQuestionListItemSchema = z.object({
  id: z.string().describe('org/<slug>'),
  slug: z.string(),
  title: z.string(),
  roles: z.array(z.string()),
  stage: z.string(),
  difficulty: z.string(),
  levels: z.array(z.string()),
  ...authorship,
});
export type OrgQuestionListItem = z.infer<typeof orgQuestionListItemSchema>;
export const orgQuestionListSchema = z.object({ items: z.array(orgQuestionListItemSchema), limit: z.number().int().describe('How many questions an organization may add') });

export const orgQuestionRecordSchema = z.object({
  id: z.string(),
  slug: z.string(),
  question: questionFrontMatterSchema.extend({ id: z.string(), modelAnswer: z.string() }),
  markdown: z.string().describe('The same question as Markdown, ready to edit and send back'),
  ...authorship,
});
export type OrgQuestionRecord = z.infer<typeof orgQuestionRecordSchema>;

export const orgGuideListItemSchema = z.object({
  id: z.string().describe('org-<slug>'),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  stageCount: z.number().int(),
  ...authorship,
});
export type OrgGuideListItem = z.infer<typeof orgGuideListItemSchema>;
export const orgGuideListSchema = z.object({ items: z.array(orgGuideListItemSchema), limit: z.number().int().describe('How many role guides an organization may add') });

export const orgGuideRecordSchema = z.object({
  id: z.string(),
  slug: z.string(),
  guide: roleGuideFrontMatterSchema.extend({ id: z.string(), overview: z.string() }),
  markdown: z.string().describe('The same guide as Markdown, ready to edit and send back'),
  ...authorship,
});
export type OrgGuideRecord = z.infer<typeof orgGuideRecordSchema>;
