/** Contracts for scoring, attempts, reviews, sessions (practice, interview, mock loop) and progress. */
import { z } from 'zod';
import { levelSchema } from '../../core/content/schema.js';
import { userIdSchema } from './common.js';

/** The longest answer accepted: about 3,000 words, far beyond any interview answer. */
export const MAX_ANSWER_CHARS = 20_000;

export const answerSchema = z
  .string()
  .max(MAX_ANSWER_CHARS, `must be at most ${String(MAX_ANSWER_CHARS)} characters`)
  .refine((s) => s.trim().length > 0, 'must not be empty')
  .describe('The answer, as typed or transcribed');

const spanSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });

export const scoreResultSchema = z.object({
  questionId: z.string(),
  level: levelSchema,
  stageKind: z.enum(['design', 'coding', 'behavioral', 'screen']),
  score: z.number().int().min(0).max(100),
  verdict: z.string().describe('One line, calibrated to the level'),
  breakdown: z.object({ rubric: z.number().int(), dimensions: z.number().int(), mistakesPenalty: z.number().int() }),
  dimensions: z.array(z.object({ id: z.string(), label: z.string(), score: z.number().int(), note: z.string(), evidence: z.array(spanSchema) })),
  hits: z.array(z.object({ id: z.string(), point: z.string(), weight: z.number().int(), credit: z.number(), quote: spanSchema, matched: z.string() })),
  misses: z.array(z.object({ id: z.string(), point: z.string(), weight: z.number().int(), advice: z.string(), negated: spanSchema.optional() })),
  mistakes: z.array(z.object({ id: z.string(), mistake: z.string(), why: z.string(), quote: spanSchema })),
  flags: z.object({ nonAnswer: z.boolean(), offTopic: z.boolean(), keywordList: z.boolean() }),
  capped: z.string().nullable(),
  followUp: z.object({ question: z.string(), probes: z.string(), aimedAt: z.string() }),
  stats: z.object({ words: z.number().int(), sentences: z.number().int(), relevance: z.number(), topical: z.number() }),
});
export type ScoreResultDto = z.infer<typeof scoreResultSchema>;

export const practiceModeSchema = z.enum(['practice', 'interview', 'mock']);

export const scoreBodySchema = z.strictObject({
  questionId: z.string().min(3).max(200),
  answer: answerSchema,
  level: levelSchema.optional().describe('The level to calibrate the verdict to (default: the question’s usual level)'),
});

export const createAttemptBodySchema = z.strictObject({
  questionId: z.string().min(3).max(200),
  answer: answerSchema,
  mode: practiceModeSchema.default('practice'),
  level: levelSchema.optional(),
  sessionId: z.uuid({ error: 'must be a session id (a UUID)' }).optional().describe('The session this attempt belongs to'),
  durationSeconds: z.number().int().min(0).max(24 * 3600).optional().describe('Time spent answering'),
});
export type CreateAttemptBody = z.infer<typeof createAttemptBodySchema>;

export const idempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1, 'the Idempotency-Key header must not be empty')
    .max(200, 'the Idempotency-Key header must be at most 200 characters')
    .describe('Any unique string per attempt (a UUID): a retried request with the same key is recorded once'),
});

export const reviewStateSchema = z.object({
  rating: z.enum(['again', 'hard', 'good', 'easy']),
  due: z.string().describe('When this question is next due for review (ISO 8601)'),
});

export const attemptRecordSchema = z.object({
  id: z.uuid(),
  questionId: z.string(),
  questionTitle: z.string(),
  sessionId: z.uuid().nullable(),
  mode: practiceModeSchema,
  level: levelSchema,
  answer: z.string(),
  score: z.number().int(),
  result: scoreResultSchema,
  durationSeconds: z.number().int().nullable(),
  createdAt: z.string(),
  review: reviewStateSchema.nullable().describe('The question’s review schedule (after this attempt when it is created; its current schedule when read back); null when the question has no card'),
  modelAnswer: z.string().describe('Markdown: revealed after the attempt'),
});
export type AttemptRecord = z.infer<typeof attemptRecordSchema>;

export const attemptListQuerySchema = z.strictObject({
  questionId: z.string().min(3).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  userId: userIdSchema.optional(),
});
export const attemptSummarySchema = attemptRecordSchema.pick({ id: true, questionId: true, questionTitle: true, sessionId: true, mode: true, level: true, score: true, createdAt: true });
export const attemptListSchema = z.object({ items: z.array(attemptSummarySchema) });
export const attemptIdParamsSchema = z.strictObject({ id: z.uuid({ error: 'must be a UUID' }) });

export const dueReviewsSchema = z.object({
  items: z.array(z.object({ questionId: z.string(), title: z.string(), stage: z.string(), due: z.string(), overdueDays: z.number().int(), lastScore: z.number().int() })),
  upcoming: z.array(z.object({ questionId: z.string(), title: z.string(), due: z.string() })).describe('Next reviews not yet due'),
});

export const createSessionBodySchema = z
  .strictObject({
    mode: practiceModeSchema.default('practice'),
    planId: z.uuid({ error: 'must be a plan id (a UUID)' }).optional().describe('Practise the plan’s ranked questions'),
    role: z.string().min(1).max(60).optional().describe('Or a role guide’s loop'),
    level: levelSchema.optional(),
    count: z.number().int().min(1).max(30).default(5).describe('Questions in a practice or interview session (a mock loop asks one per stage)'),
  })
  .refine((b) => (b.planId === undefined) !== (b.role === undefined), { error: 'give either planId or role, not both', path: ['planId'] });
export type CreateSessionBody = z.infer<typeof createSessionBodySchema>;

const signalSchema = z.enum(['strong-hire', 'hire', 'lean-no-hire', 'no-hire']);

export const sessionRecordSchema = z.object({
  id: z.uuid(),
  mode: practiceModeSchema,
  role: z.string().nullable(),
  planId: z.uuid().nullable(),
  level: levelSchema,
  status: z.enum(['active', 'finished']),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  items: z.array(
    z.object({
      stage: z.string(),
      stageName: z.string(),
      questionId: z.string(),
      title: z.string(),
      timeBudgetMinutes: z.number().int(),
      attemptId: z.uuid().nullable(),
      score: z.number().int().nullable(),
    }),
  ),
  scorecard: z.object({
    level: levelSchema,
    stages: z.array(z.object({ stage: z.string(), name: z.string(), questionId: z.string(), score: z.number().int().nullable(), signal: signalSchema.nullable() })),
    overall: z.object({ score: z.number().int().nullable(), signal: signalSchema.nullable(), summary: z.string() }),
  }),
});
export type SessionRecord = z.infer<typeof sessionRecordSchema>;
export const sessionIdParamsSchema = z.strictObject({ id: z.uuid({ error: 'must be a UUID' }) });
export const sessionListSchema = z.object({ items: z.array(sessionRecordSchema.omit({ items: true, scorecard: true }).extend({ answered: z.number().int(), total: z.number().int() })) });

export const progressQuerySchema = z.strictObject({
  role: z.string().min(1).max(60).optional().describe('Readiness per stage of this role’s loop (default: backend)'),
  planId: z.uuid({ error: 'must be a plan id (a UUID)' }).optional().describe('Readiness per stage of this plan’s loop (a plan of the user whose progress this is)'),
  userId: userIdSchema.optional(),
});

export const progressSchema = z.object({
  role: z.string(),
  attempts: z.number().int(),
  questionsPractised: z.number().int(),
  trend: z.array(z.object({ date: z.string(), average: z.number().int(), attempts: z.number().int() })),
  recent: z.array(z.object({ attemptId: z.string(), questionId: z.string(), title: z.string(), score: z.number().int(), createdAt: z.string() })),
  mastery: z.array(z.object({ skill: z.string(), mastery: z.number().int(), questions: z.number().int(), attempts: z.number().int() })),
  weakSkills: z.array(z.object({ skill: z.string(), mastery: z.number().int() })),
  recurringMistakes: z.array(z.object({ questionId: z.string(), title: z.string(), id: z.string(), mistake: z.string(), times: z.number().int() })),
  due: z.array(z.object({ questionId: z.string(), title: z.string(), due: z.string(), overdueDays: z.number().int() })),
  readiness: z.array(z.object({ stage: z.string(), name: z.string(), readiness: z.number().int(), practised: z.number().int(), available: z.number().int(), note: z.string() })),
});
export type ProgressDto = z.infer<typeof progressSchema>;

export const membersProgressQuerySchema = z.strictObject({
  role: z.string().min(1).max(60).optional().describe('Readiness per stage of this role’s loop (default: backend)'),
});

export const memberProgressSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  attempts: z.number().int(),
  questionsPractised: z.number().int(),
  averageRecentScore: z.number().int().nullable().describe('Mean score of the member’s 10 newest attempts; null before the first'),
  lastAttemptAt: z.string().nullable(),
  dueReviews: z.number().int().describe('Review cards due now'),
  readiness: z.object({
    overall: z.number().int().describe('Mean readiness over the loop’s stages (0–100)'),
    stages: z.array(z.object({ stage: z.string(), name: z.string(), readiness: z.number().int() })),
  }),
});
export const membersProgressSchema = z.object({
  role: z.string(),
  items: z.array(memberProgressSchema).describe('Every member (role member) of the organization, by name'),
});
export type MembersProgressDto = z.infer<typeof membersProgressSchema>;
