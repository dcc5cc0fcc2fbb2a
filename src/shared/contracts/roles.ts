import { z } from 'zod';
import { levelSchema, roleGuideFrontMatterSchema } from '../../core/content/schema.js';
import { contentSourceSchema } from './org-content.js';
import { questionSummarySchema } from './questions.js';

export const roleSummarySchema = z.object({
  id: z.string(),
  source: contentSourceSchema,
  title: z.string(),
  summary: z.string(),
  difficulty: z.object({ rating: z.number().int(), label: z.string() }),
  timeToOffer: z.object({ minWeeks: z.number().int(), maxWeeks: z.number().int() }),
  stageCount: z.number().int(),
  questionCount: z.number().int(),
});
export type RoleSummary = z.infer<typeof roleSummarySchema>;

export const roleListSchema = z.object({ items: z.array(roleSummarySchema) });

const guideSchema = roleGuideFrontMatterSchema.extend({ overview: z.string() });

export const roleDetailSchema = guideSchema.extend({
  source: contentSourceSchema,
  questionCount: z.number().int(),
  stages: z.array(
    guideSchema.shape.stages.element.extend({
      questions: z.array(questionSummarySchema).describe('Questions asked in this stage, easiest first'),
    }),
  ),
  relatedRoles: z.array(z.object({ id: z.string(), why: z.string(), title: z.string() })),
  skills: z.array(z.object({ id: z.string(), count: z.number().int() })).describe('Skills across the guide, most common first'),
  levels: z.array(levelSchema).describe('Levels the loop covers'),
});
export type RoleDetail = z.infer<typeof roleDetailSchema>;

export const roleParamsSchema = z.strictObject({
  role: z.string().min(1).max(80).describe('Role guide id, e.g. backend'),
});
