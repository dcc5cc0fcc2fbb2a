/**
 * An organization's own questions and role guides: the same model as shipped content (./schema.ts), with ids the
 * organization cannot choose freely. A question is `org/<slug>` and a role guide `org-<slug>`; shipped content may
 * not use the role id "org" or ids starting with "org-" (./check.ts), so the two never collide and an id tells where
 * its content comes from.
 *
 * Pure: input in, a validated document or problems out. The service checks the cross-references against the bank the
 * organization sees (shipped guides plus its own).
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import { crossCheck, type ParsedItem } from './check.js';
export { isReservedRoleId } from './check.js';
import { formatPath, parseFrontMatter, type ContentProblem, type LineOf } from './parse.js';
import { prose, questionFrontMatterSchema, refineGuideLists, refineQuestionLists, roleGuideFrontMatterSchema, type Question, type RoleGuide } from './schema.js';

export const ORG_QUESTION_PREFIX = 'org/';
export const ORG_GUIDE_PREFIX = 'org-';

export const isOrgQuestionId = (id: string): boolean => id.startsWith(ORG_QUESTION_PREFIX);
export const isOrgGuideId = (id: string): boolean => id.startsWith(ORG_GUIDE_PREFIX);

export const orgQuestionId = (slug: string): string => `${ORG_QUESTION_PREFIX}${slug}`;
export const orgGuideId = (slug: string): string => `${ORG_GUIDE_PREFIX}${slug}`;
/** The slug of an organization's question (`org/<slug>`) or guide (`org-<slug>`); any other id as it is. */
export const orgSlug = (id: string): string =>
  isOrgQuestionId(id) ? id.slice(ORG_QUESTION_PREFIX.length) : isOrgGuideId(id) ? id.slice(ORG_GUIDE_PREFIX.length) : id;

const slugOf = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${String(max)} characters`)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case (a-z, 0-9 and single hyphens)');

/** The front matter of an organization's question file: a shipped question's, with a slug instead of the id. */
export const orgQuestionFrontMatterSchema = questionFrontMatterSchema.omit({ id: true }).extend({
  slug: slugOf(80).describe('The question is stored as org/<slug>; unique within the organization.'),
});

/**
 * How large an organization's document may be (every request of theirs loads their content, and the scorer reads
 * every rubric signal): generous beside the shipped content — its largest question file is about 20 KB, with 7
 * rubric points, 4 mistakes, 5 follow-ups — and far from what would slow anyone else down.
 */
export const ORG_LIMITS = {
  /** The whole document, as JSON. */
  documentBytes: 64_000,
  /** Any one text field (the model answer and the overview have their own). */
  fieldChars: 4_000,
  /** Any one list (rubric points, mistakes, stages, signals of a point, …). */
  listItems: 30,
  bodyChars: 40_000,
} as const;

/** Every string and list in `value`, with its path: what the size and text checks walk. */
function* walk(value: unknown, path: (string | number)[] = []): Generator<{ path: (string | number)[]; value: unknown }> {
  yield { path, value };
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* walk(v, [...path, i]);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* walk(v, [...path, k]);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Limits and text an organization's document must keep (a NUL or a lone surrogate cannot be stored as text). */
function refineOrgDocument(body: string) {
  return (doc: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    for (const { path, value } of walk(doc)) {
      if (typeof value === 'string') {
        if (value.includes('\u0000')) ctx.addIssue({ code: 'custom', path, message: 'contains a NUL character, which text cannot hold' });
        else if (LONE_SURROGATE.test(value)) ctx.addIssue({ code: 'custom', path, message: 'contains a broken character (a lone UTF-16 surrogate)' });
        if (path[0] !== body && value.length > ORG_LIMITS.fieldChars) ctx.addIssue({ code: 'custom', path, message: `is ${String(value.length)} characters; at most ${String(ORG_LIMITS.fieldChars)}` });
      } else if (Array.isArray(value) && value.length > ORG_LIMITS.listItems) {
        ctx.addIssue({ code: 'custom', path, message: `has ${String(value.length)} entries; at most ${String(ORG_LIMITS.listItems)}` });
      }
    }
    const bytes = new TextEncoder().encode(JSON.stringify(doc)).length;
    if (bytes > ORG_LIMITS.documentBytes) ctx.addIssue({ code: 'custom', path: [], message: `the document is ${String(bytes)} bytes; at most ${String(ORG_LIMITS.documentBytes)}` });
  };
}

/** A question as an organization writes it: every field of a shipped question, a slug instead of the id. */
export const orgQuestionInputSchema = orgQuestionFrontMatterSchema
  .extend({ modelAnswer: prose(400).max(ORG_LIMITS.bodyChars).describe('The model answer (Markdown), revealed after an attempt.') })
  .superRefine(refineQuestionLists)
  .superRefine(refineOrgDocument('modelAnswer'));
export type OrgQuestionInput = z.infer<typeof orgQuestionInputSchema>;

/** The front matter of an organization's role guide file: a shipped guide's, with a slug instead of the id. */
export const orgGuideFrontMatterSchema = roleGuideFrontMatterSchema.omit({ id: true }).extend({
  slug: slugOf(60).describe('The guide is stored as org-<slug>; unique within the organization.'),
});

/** A role guide as an organization writes it: every field of a shipped guide, a slug instead of the id. */
export const orgGuideInputSchema = orgGuideFrontMatterSchema
  .extend({ overview: prose(200).max(ORG_LIMITS.bodyChars).describe('An overview of the role and its interviews (Markdown).') })
  .superRefine(refineGuideLists)
  .superRefine(refineOrgDocument('overview'));
export type OrgGuideInput = z.infer<typeof orgGuideInputSchema>;

/** A problem with an organization's document: the field (and, for Markdown input, the line) and what is wrong. */
export interface OrgContentProblem {
  field: string;
  line?: number;
  message: string;
}

/** A parsed document; from Markdown, `lineOf` finds the line of a field named as in problems (`roles[1]`, `stage`). */
export type OrgParse<T> = { ok: true; value: T; lineOf?: (field: string) => number } | { ok: false; problems: OrgContentProblem[] };

/** `rubric[0].signals` → ['rubric', 0, 'signals']. */
const pathOfField = (field: string): (string | number)[] =>
  field.split(/\.|(?=\[)/).flatMap((part): (string | number)[] => {
    const index = /^\[(\d+)\]$/.exec(part);
    return index ? [Number(index[1])] : part === '' ? [] : [part];
  });

/** Problems found after parsing, with the line each is on when the document came from Markdown. */
export const withLines = <T>(parsed: OrgParse<T>, problems: readonly OrgContentProblem[]): OrgContentProblem[] =>
  problems.map((p) => (p.line === undefined && parsed.ok && parsed.lineOf ? { ...p, line: parsed.lineOf(p.field) } : p));

export function toOrgQuestion(input: OrgQuestionInput): Question {
  const { slug, ...rest } = input;
  return { id: orgQuestionId(slug), ...rest };
}

export function toOrgGuide(input: OrgGuideInput): RoleGuide {
  const { slug, ...rest } = input;
  return { id: orgGuideId(slug), ...rest };
}

/** The input that would write `q` back (for editors: GET, change, PUT). */
export function orgQuestionInput(q: Question): OrgQuestionInput {
  const { id, ...rest } = q;
  return { slug: orgSlug(id), ...rest };
}

export function orgGuideInput(g: RoleGuide): OrgGuideInput {
  const { id, ...rest } = g;
  return { slug: orgSlug(id), ...rest };
}

function fromZod<T>(schema: z.ZodType<T>, input: unknown): OrgParse<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => ({ field: i.path.length === 0 ? '(document)' : formatPath(i.path), message: i.message })) };
}

export const parseOrgQuestion = (input: unknown): OrgParse<OrgQuestionInput> => fromZod(orgQuestionInputSchema, input);
export const parseOrgGuide = (input: unknown): OrgParse<OrgGuideInput> => fromZod(orgGuideInputSchema, input);

/** The same Markdown format as content/questions/*.md: YAML front matter (with `slug`, no `id`), the model answer as the body. */
export function parseOrgQuestionMarkdown(text: string): OrgParse<OrgQuestionInput> {
  const r = parseFrontMatter({ path: 'question.md', text }, 'question', orgQuestionInputSchema, 'modelAnswer', () => undefined);
  return r.ok ? { ok: true, value: r.value, lineOf: (field) => r.lineOf(pathOfField(field)) } : { ok: false, problems: r.problems.map(fromContentProblem) };
}

/** The same Markdown format as content/roles/*.md: YAML front matter (with `slug`, no `id`), the overview as the body. */
export function parseOrgGuideMarkdown(text: string): OrgParse<OrgGuideInput> {
  const r = parseFrontMatter({ path: 'guide.md', text }, 'role', orgGuideInputSchema, 'overview', () => undefined);
  return r.ok ? { ok: true, value: r.value, lineOf: (field) => r.lineOf(pathOfField(field)) } : { ok: false, problems: r.problems.map(fromContentProblem) };
}

const fromContentProblem = (p: ContentProblem): OrgContentProblem => ({ field: p.field, line: p.line, message: p.message });

const noLines: LineOf = () => 0;
const item = <T>(path: string, value: T): ParsedItem<T> => ({ path, value, lineOf: noLines });

/**
 * Cross-references of an organization's question against the guides it can see (shipped and its own): each role
 * exists, the stage is in each role's loop, and one of its levels gets that stage. The same rules as shipped content.
 */
export function checkOrgQuestion(q: Question, guides: readonly RoleGuide[]): OrgContentProblem[] {
  const here = 'the question';
  return crossCheck({ roles: guides.map((g) => item(`guide:${g.id}`, g)), questions: [item(here, q)] })
    .filter((p) => p.file === here)
    .map((p) => ({ field: p.field, message: p.message }));
}

/**
 * Cross-references of an organization's guide: related roles exist (and are not the guide itself), and the stages
 * its own questions use are still in its loop, with a level that gets them. Given the guide as it was (`previous`),
 * only what this change would break is reported: a question already out of step (say, after a shipped update removed
 * a stage it uses under a shipped role) does not block an unrelated edit.
 */
export function checkOrgGuide(g: RoleGuide, otherGuides: readonly RoleGuide[], itsQuestions: readonly Question[], previous?: RoleGuide): OrgContentProblem[] {
  const others = otherGuides.filter((o) => o.id !== g.id);
  const here = 'the guide';
  const problems = crossCheck({ roles: [...others, g].map((o) => item(o.id === g.id ? here : `guide:${o.id}`, o)), questions: [] })
    .filter((p) => p.file === here)
    .map((p) => ({ field: p.field, message: p.message }));
  const breaks = (guide: RoleGuide, q: Question): string[] => checkOrgQuestion(q, [...others, guide]).map((p) => `${p.field}: ${p.message}`);
  for (const q of itsQuestions) {
    const before = new Set(previous ? breaks(previous, q) : []);
    for (const problem of breaks(g, q)) {
      if (!before.has(problem)) problems.push({ field: 'stages', message: `question ${q.id} ("${q.title}") would break: ${problem}` });
    }
  }
  return problems;
}

/**
 * `value` with its object keys in the order `schema` declares them, recursively (a stored document comes back from
 * jsonb with its keys reordered; the Markdown should read like the shipped files: slug, title, roles, …).
 */
function inSchemaOrder(value: unknown, schema: z.ZodType): unknown {
  if (Array.isArray(value)) return schema instanceof z.ZodArray ? value.map((v) => inSchemaOrder(v, schema.element as z.ZodType)) : value;
  if (value === null || typeof value !== 'object' || !(schema instanceof z.ZodObject)) return value;
  const shape = schema.shape as Record<string, z.ZodType>;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) if (key in record) out[key] = inSchemaOrder(record[key], shape[key] as z.ZodType);
  for (const key of Object.keys(record)) if (!(key in out)) out[key] = record[key];
  return out;
}

/** An organization's question as Markdown in the format of content/questions/*.md, with `slug` for `id`. */
export function orgQuestionMarkdown(q: Question): string {
  const { modelAnswer, ...front } = orgQuestionInput(q);
  return `---\n${stringify({ slug: front.slug, ...(inSchemaOrder(front, orgQuestionFrontMatterSchema) as object) }, { lineWidth: 0 })}---\n\n${modelAnswer.trim()}\n`;
}

/** An organization's role guide as Markdown in the format of content/roles/*.md, with `slug` for `id`. */
export function orgGuideMarkdown(g: RoleGuide): string {
  const { overview, ...front } = orgGuideInput(g);
  return `---\n${stringify({ slug: front.slug, ...(inSchemaOrder(front, orgGuideFrontMatterSchema) as object) }, { lineWidth: 0 })}---\n\n${overview.trim()}\n`;
}
