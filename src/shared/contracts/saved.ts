import { z } from 'zod';

export const savedQuestionSchema = z.object({
  questionId: z.string(),
  title: z.string().nullable().describe('Null when the question no longer exists in the content'),
  note: z.string(),
  savedAt: z.string().describe('ISO 8601'),
});
export type SavedQuestion = z.infer<typeof savedQuestionSchema>;

export const savedListSchema = z.object({ items: z.array(savedQuestionSchema) });
/** A request without a body (Fastify passes null) saves with an empty note. */
export const saveBodySchema = z.preprocess((v) => v ?? {}, z.strictObject({ note: z.string().max(2000).default('') }));
