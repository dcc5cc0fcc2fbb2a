import { z } from 'zod';

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string().describe('Stable machine-readable code'),
    message: z.string().describe('What went wrong, naming the field or resource'),
    details: z.array(z.string()).optional().describe('Every problem, one per line, when there are several (e.g. each field of a question that is invalid)'),
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

/**
 * Whose data a read returns. Absent: your own. Owners and coaches may name a member of the organization; any other
 * user id (another coach or owner, someone outside the organization, nobody) is a 404, the same as a missing one.
 */
export const userIdSchema = z
  .uuid({ error: 'must be a user id (a UUID)' })
  .describe('Whose data: a member of your organization (owners and coaches only); default: your own');
export const userIdQuerySchema = z.strictObject({ userId: userIdSchema.optional() });
