import { z } from 'zod';

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string().describe('Stable machine-readable code'),
    message: z.string().describe('What went wrong, naming the field or resource'),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const healthSchema = z.object({ status: z.literal('ok') });
export const readinessSchema = z.object({
  status: z.enum(['ready', 'not-ready']),
  database: z.enum(['pglite', 'postgres']),
  roles: z.number().int(),
  questions: z.number().int(),
});
