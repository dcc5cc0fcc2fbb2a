/** Request and response contracts for questions: the single source for validation, types, OpenAPI and the web. */
import { z } from 'zod';
import { difficultySchema, levelSchema, questionFrontMatterSchema } from '../../core/content/schema.js';
import { contentSourceSchema } from './org-content.js';

const filterId = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id such as "backend" or "system-design"');

/** An empty query parameter (`?q=`) means the filter is not set. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const questionListQuerySchema = z.strictObject({
  role: optional(filterId).describe('Role guide id, e.g. backend'),
  stage: optional(filterId).describe('Loop stage id, e.g. system-design'),
  level: optional(levelSchema),
  difficulty: optional(difficultySchema),
  skill: optional(filterId).describe('Skill id, e.g. postgresql'),
  q: optional(z.string().trim().max(200)).describe('Full-text search (English stemming; words of 3+ letters also match as prefixes)'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type QuestionListQuery = z.infer<typeof questionListQuerySchema>;
export type QuestionFilters = z.input<typeof questionListQuerySchema>;

export const questionSummarySchema = questionFrontMatterSchema
  .pick({ id: true, title: true, roles: true, stage: true, levels: true, difficulty: true, skills: true, timeBudgetMinutes: true, prompt: true })
  .extend({ id: z.string(), title: z.string(), prompt: z.string(), source: contentSourceSchema });
export type QuestionSummary = z.infer<typeof questionSummarySchema>;

/** Everything but the model answer, which has its own endpoint so later features can reveal it after an attempt. */
export const questionDetailSchema = questionFrontMatterSchema.extend({ id: z.string(), source: contentSourceSchema });
export type QuestionDetail = z.infer<typeof questionDetailSchema>;

export const questionListSchema = z.object({
  total: z.number().int().describe('Matches before limit and offset'),
  items: z.array(questionSummarySchema.extend({ rank: z.number().optional().describe('Search relevance, with q') })),
});
export type QuestionList = z.infer<typeof questionListSchema>;

export const modelAnswerSchema = z.object({ id: z.string(), modelAnswer: z.string().describe('Markdown') });
export type ModelAnswer = z.infer<typeof modelAnswerSchema>;

export const questionIdParamsSchema = z.strictObject({ id: z.string().min(3).max(200) });

const facetSchema = z.object({ id: z.string(), count: z.number().int() });
export const questionFacetsQuerySchema = z.strictObject({ role: optional(filterId).describe('Only questions of this role guide') });
export const questionFacetsSchema = z.object({
  total: z.number().int(),
  roles: z.array(facetSchema.extend({ title: z.string() })),
  stages: z.array(facetSchema.extend({ name: z.string() })),
  levels: z.array(facetSchema),
  difficulties: z.array(facetSchema),
  skills: z.array(facetSchema),
});
export type QuestionFacets = z.infer<typeof questionFacetsSchema>;
