/**
 * The content model: role guides and questions.
 *
 * Content lives as Markdown files with YAML front matter under `content/`. These zod schemas are the single
 * source of truth for what a file must contain; `scripts/generate-json-schema.ts` derives the JSON Schema that
 * editors use, and `parseContentFile` (./parse.ts) validates files against them, reporting file, line and field.
 */
import { z } from 'zod';

export const LEVELS = ['intern', 'entry', 'mid', 'senior', 'staff', 'principal', 'manager'] as const;
export const levelSchema = z.enum(LEVELS).describe('Seniority level.');
export type Level = z.infer<typeof levelSchema>;

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const difficultySchema = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof difficultySchema>;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case (a-z, 0-9 and single hyphens)');

/** A sentence or paragraph of real prose, not a placeholder. */
export const prose = (min: number) =>
  z
    .string()
    .trim()
    .min(min, `must be at least ${min} characters of real content`)
    .refine((s) => !/\b(TODO|TBD|FIXME|lorem ipsum)\b/i.test(s), 'contains a placeholder (TODO, TBD, FIXME, lorem ipsum)');

export const questionIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must look like <role>/<slug>, both kebab-case');

// ---------------------------------------------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------------------------------------------

export const approachStepSchema = z.strictObject({
  step: prose(8).describe('The step, as an imperative headline: "Clarify the money flow before the API".'),
  detail: prose(40).describe('What to do and say in this step, and why it matters to the interviewer.'),
});

export const rubricPointSchema = z.strictObject({
  id: slug.describe('Stable id, unique within the question; scoring and progress refer to it.'),
  weight: z.number().int().min(1).max(5).describe('Relative importance, 1 (nice) to 5 (essential).'),
  point: prose(20).describe('What a strong answer shows, stated so a reviewer can judge it.'),
  signals: z
    .array(prose(2))
    .min(2)
    .describe('Concepts and phrasings that show the point in an answer, including paraphrases without jargon.'),
});
export type RubricPoint = z.infer<typeof rubricPointSchema>;

export const mistakeSchema = z.strictObject({
  id: slug.describe('Stable id, unique within the question.'),
  mistake: prose(15).describe('The mistake, in one sentence.'),
  why: prose(20).describe('Why it hurts: what breaks, or what the interviewer concludes.'),
  recognise: prose(15).describe('How to recognise the mistake in an answer.'),
  signals: z.array(prose(2)).min(1).describe('Phrasings that indicate the mistake in an answer.'),
});
export type Mistake = z.infer<typeof mistakeSchema>;

export const followUpSchema = z.strictObject({
  question: prose(15).describe('What the interviewer asks next.'),
  probes: prose(15).describe('What the follow-up tests.'),
  strongAnswer: prose(30).describe('The gist of a strong reply.'),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const questionFrontMatterSchema = z.strictObject({
  id: questionIdSchema.describe('Stable id <role>/<slug>; the slug must match the file name.'),
  title: prose(8).max(120).describe('Short title shown in lists.'),
  roles: z.array(slug).min(1).describe('Role guides this question belongs to; the first is its home role.'),
  stage: slug.describe('The loop stage id (from the role guide) where this question is asked.'),
  levels: z.array(levelSchema).min(1).describe('Levels at which the question is typically asked.'),
  difficulty: difficultySchema,
  skills: z.array(slug).min(1).describe('Skills and concepts the question exercises (kebab-case ids).'),
  timeBudgetMinutes: z.number().int().min(1).max(90).describe('Time a candidate should spend in an interview.'),
  prompt: prose(40).describe('The question as the interviewer asks it.'),
  whyAsked: prose(40).describe('What the interviewer is really trying to learn.'),
  approach: z.array(approachStepSchema).min(3).describe('How to approach this: the answer framework, in order.'),
  rubric: z.array(rubricPointSchema).min(3).describe('Key points a strong answer hits.'),
  mistakes: z.array(mistakeSchema).min(2).describe('Common mistakes.'),
  followUps: z.array(followUpSchema).min(2).describe('Likely follow-ups.'),
  hints: z.array(prose(15)).min(1).describe('Nudges for practice mode, from gentle to specific.'),
});

export const questionSchema = questionFrontMatterSchema
  .extend({
    modelAnswer: prose(400).describe('The model answer (the Markdown body), revealed after an attempt.'),
  })
  .superRefine((q, ctx) => {
    refineQuestionLists(q, ctx);
    const home = q.id.split('/')[0];
    if (q.roles[0] !== home) {
      ctx.addIssue({ code: 'custom', path: ['roles'], message: `the first role must be the id's role "${String(home)}"` });
    }
  });
export type Question = z.infer<typeof questionSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Role guides
// ---------------------------------------------------------------------------------------------------------------

export const loopStageSchema = z.strictObject({
  id: slug.describe('Stage id, referenced by questions.'),
  name: prose(3).max(80),
  durationMinutes: z.number().int().min(5).max(480),
  format: prose(5).describe('How it is run: "video call with a shared editor", "whiteboard", ...'),
  interviewer: prose(5).describe('Who usually runs it.'),
  probes: z.array(prose(10)).min(2).describe('What the stage probes.'),
  levels: z.array(levelSchema).min(1).describe('Levels that get this stage.'),
  description: prose(60).describe('What happens in the stage.'),
  howToPrepare: z.array(prose(15)).min(2),
});
export type LoopStage = z.infer<typeof loopStageSchema>;

export const roleGuideFrontMatterSchema = z.strictObject({
  id: slug.describe('Role id; must match the file name.'),
  title: prose(3).max(80),
  summary: prose(60).describe('One paragraph shown on the home page.'),
  timeToOffer: z.strictObject({
    minWeeks: z.number().int().min(1).max(26),
    maxWeeks: z.number().int().min(1).max(26),
    note: prose(30),
  }),
  difficulty: z.strictObject({
    rating: z.number().int().min(1).max(5).describe('1 (gentle) to 5 (brutal).'),
    label: prose(3).max(40),
    explanation: prose(40),
  }),
  stages: z.array(loopStageSchema).min(2).describe('The typical loop, in order.'),
  levelDifferences: z
    .array(z.strictObject({ level: levelSchema, summary: prose(40) }))
    .min(1)
    .describe('How the loop differs by level.'),
  tips: z.array(z.strictObject({ title: prose(5).max(100), body: prose(40) })).min(3),
  faq: z.array(z.strictObject({ question: prose(10), answer: prose(40) })).min(3),
  relatedRoles: z.array(z.strictObject({ id: slug, why: prose(20) })).describe('Related role guides.'),
});

export const roleGuideSchema = roleGuideFrontMatterSchema
  .extend({ overview: prose(200).describe('The Markdown body: an overview of the role and its interviews.') })
  .superRefine(refineGuideLists);
export type RoleGuide = z.infer<typeof roleGuideSchema>;

/** What every question's lists must satisfy, shipped or an organization's: ids and entries unique. */
export function refineQuestionLists(
  q: { rubric: readonly { id: string }[]; mistakes: readonly { id: string }[]; skills: readonly string[]; levels: readonly string[]; roles: readonly string[] },
  ctx: z.RefinementCtx,
): void {
  unique(q.rubric.map((r) => r.id), ['rubric'], 'rubric point id', ctx);
  unique(q.mistakes.map((m) => m.id), ['mistakes'], 'mistake id', ctx);
  unique(q.skills, ['skills'], 'skill', ctx);
  unique(q.levels, ['levels'], 'level', ctx);
  unique(q.roles, ['roles'], 'role', ctx);
}

/** What every role guide must satisfy, shipped or an organization's: unique stages, levels and related roles; a sane range. */
export function refineGuideLists(
  g: { stages: readonly { id: string }[]; levelDifferences: readonly { level: string }[]; relatedRoles: readonly { id: string }[]; timeToOffer: { minWeeks: number; maxWeeks: number } },
  ctx: z.RefinementCtx,
): void {
  unique(g.stages.map((s) => s.id), ['stages'], 'stage id', ctx);
  unique(g.levelDifferences.map((l) => l.level), ['levelDifferences'], 'level', ctx);
  unique(g.relatedRoles.map((r) => r.id), ['relatedRoles'], 'related role', ctx);
  if (g.timeToOffer.maxWeeks < g.timeToOffer.minWeeks) {
    ctx.addIssue({ code: 'custom', path: ['timeToOffer', 'maxWeeks'], message: 'must be at least minWeeks' });
  }
}

function unique(values: readonly string[], path: (string | number)[], what: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `duplicate ${what} "${v}"` });
    seen.add(v);
  });
}
