/** Contracts for postings, analyses and plans: shared by the API, the CLI and the web client. */
import { z } from 'zod';
import { levelSchema } from '../../core/content/schema.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const createPlanBodySchema = z.strictObject({
  text: z.string().max(12_000_000).optional().describe('The posting, pasted (at most 1 MB of text). Give this or file.'),
  file: z
    .strictObject({
      name: z.string().min(1).max(255).describe('File name; its extension picks the reader (.txt .md .html .pdf .docx)'),
      contentBase64: z.string().min(1).max(11_000_000),
    })
    .optional()
    .describe('The posting as an uploaded file'),
  title: z.string().trim().min(1).max(200).optional().describe('Job title, when the text does not start with it'),
  interviewDate: date.optional().describe('Schedules study up to this day'),
});
export type CreatePlanBody = z.infer<typeof createPlanBodySchema>;

const evidenceSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  quote: z.string(),
  section: z.string(),
});

export const analysisSchema = z.object({
  title: z.string().nullable(),
  role: z.string(),
  roleEvidence: z.array(z.string()),
  level: levelSchema,
  levelEvidence: z.array(z.string()),
  skills: z.array(
    z.object({ id: z.string(), name: z.string(), category: z.string(), kind: z.enum(['technology', 'concept']).optional(), required: z.boolean(), evidence: z.array(evidenceSchema), related: z.array(z.string()) }),
  ),
  domains: z.array(z.object({ domain: z.string(), evidence: z.array(z.string()) })),
  scale: z.array(z.object({ text: z.string(), value: z.number(), unit: z.string(), start: z.number().int() })),
  compliance: z.array(z.object({ name: z.string(), evidence: z.string() })),
  responsibilities: z.array(z.string()),
});

export const planSchema = z.object({
  title: z.string().nullable(),
  role: z.string(),
  level: levelSchema,
  guide: z.object({ id: z.string(), title: z.string(), note: z.string().nullable() }),
  stages: z.array(
    z.object({
      stage: z.string(),
      name: z.string(),
      durationMinutes: z.number().int(),
      probes: z.array(z.string()),
      questions: z.array(
        z.object({ id: z.string(), title: z.string(), difficulty: z.string(), skills: z.array(z.string()), why: z.string(), score: z.number() }),
      ),
    }),
  ),
  coverage: z.array(z.object({ skill: z.string(), required: z.boolean(), questions: z.array(z.string()) })),
  gaps: z.array(z.object({ skill: z.string(), required: z.boolean(), study: z.string(), evidence: z.string() })),
  followUps: z.array(z.object({ questionId: z.string(), stage: z.string(), question: z.string(), basedOn: z.string() })),
  schedule: z.array(z.object({ date, focus: z.string(), questions: z.array(z.string()), review: z.array(z.string()), minutes: z.number().int() })),
  interviewDate: date.nullable(),
});

export const planSummarySchema = z.object({
  id: z.uuid(),
  title: z.string().nullable(),
  role: z.string(),
  level: z.string(),
  interviewDate: date.nullable(),
  createdAt: z.string(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planRecordSchema = planSummarySchema.extend({
  posting: z.string(),
  analysis: analysisSchema,
  plan: planSchema,
  markdown: z.string().describe('The plan as Markdown, for export'),
});
export type PlanRecord = z.infer<typeof planRecordSchema>;

export const planListSchema = z.object({ items: z.array(planSummarySchema) });
export const planIdParamsSchema = z.strictObject({ id: z.uuid('must be a plan id (a UUID)') });
