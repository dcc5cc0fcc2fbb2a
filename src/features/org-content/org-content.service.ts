/**
 * An organization's own questions and role guides, and the question bank every request sees: the shipped content
 * with, beside it, the content of the request's organization (never another's: it is read through withTenant, under
 * row-level security).
 *
 * Who may write: owners and coaches (and local mode's one user). Members read the organization's content where they
 * read the shipped content (questions, role guides, practice, plans), but not through the editor's endpoints here.
 *
 * The bank of a tenant is cached in this process for a few seconds (BANK_TTL_MS) and dropped at once when this
 * process writes that tenant's content; another server process sees a change within that time.
 */
import { combineBank, type ContentParts, type QuestionBank } from '../../core/content/bank.js';
import {
  checkOrgGuide,
  orgGuideId,
  orgQuestionId,
  orgSlug,
  checkOrgQuestion,
  orgGuideMarkdown,
  orgQuestionMarkdown,
  parseOrgGuide,
  parseOrgGuideMarkdown,
  parseOrgQuestion,
  parseOrgQuestionMarkdown,
  toOrgGuide,
  toOrgQuestion,
  withLines,
  type OrgContentProblem,
  type OrgGuideInput,
  type OrgParse,
  type OrgQuestionInput,
} from '../../core/content/org-content.js';
import type { Question, RoleGuide } from '../../core/content/schema.js';
import { questionSearchText } from '../../core/content/search-text.js';
import type { Database } from '../../infra/db/database.js';
import { withTenant, type TenantTx } from '../../infra/db/tenant.js';
import type { OrgGuideListItem, OrgGuideRecord, OrgQuestionListItem, OrgQuestionRecord } from '../../shared/contracts/org-content.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { Actor, ActorRole } from '../accounts/visibility.js';
import * as repo from './org-content.repository.js';

/** What an editor sends: JSON with the content's fields, or Markdown in the format of content/*.md. */
export type OrgInput = { json: unknown } | { markdown: string };

/** How much one organization may add (noisy-neighbour limits: every request of theirs loads it). */
export const ORG_QUESTION_LIMIT = 1000;
export const ORG_GUIDE_LIMIT = 50;
/** All of an organization's own questions and guides together, as JSON. */
export const ORG_CONTENT_BYTES = 8_000_000;
export const BANK_TTL_MS = 5000;
const BANK_CACHE_TENANTS = 500;
const BANK_CACHE_BYTES = 128_000_000;

const EDITORS: ReadonlySet<ActorRole> = new Set<ActorRole>(['owner', 'coach', 'local']);

/** The bank a request sees: shipped content, and its organization's (none without an actor: signed out). */
export type BankOf = (actor: Actor | null) => Promise<QuestionBank>;

export interface OrgContentService {
  bankOf: BankOf;
  listQuestions(actor: Actor): Promise<OrgQuestionListItem[]>;
  getQuestion(actor: Actor, slug: string): Promise<OrgQuestionRecord>;
  createQuestion(actor: Actor, input: OrgInput): Promise<OrgQuestionRecord>;
  replaceQuestion(actor: Actor, slug: string, input: OrgInput): Promise<OrgQuestionRecord>;
  deleteQuestion(actor: Actor, slug: string): Promise<void>;
  listGuides(actor: Actor): Promise<OrgGuideListItem[]>;
  getGuide(actor: Actor, slug: string): Promise<OrgGuideRecord>;
  createGuide(actor: Actor, input: OrgInput): Promise<OrgGuideRecord>;
  replaceGuide(actor: Actor, slug: string, input: OrgInput): Promise<OrgGuideRecord>;
  deleteGuide(actor: Actor, slug: string): Promise<void>;
}

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

/** Who wrote a document and when, as the API shows it. */
const authorship = (row: repo.OrgDocRow<unknown>): { createdAt: string; updatedAt: string; createdBy: string | null; updatedBy: string | null } => ({
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  createdBy: row.created_by,
  updatedBy: row.updated_by,
});

function invalid(what: string, problems: readonly OrgContentProblem[]): AppError {
  const lines = problems.map((p) => `${p.line ? `line ${String(p.line)}: ` : ''}${p.field}: ${p.message}`);
  const shown = lines.slice(0, 8).join('; ');
  const more = lines.length > 8 ? `; and ${String(lines.length - 8)} more` : '';
  return new AppError('BAD_REQUEST', `${what} is invalid: ${shown}${more}`, lines);
}

function assertEditor(actor: Actor): void {
  if (!EDITORS.has(actor.role)) {
    throw new AppError('FORBIDDEN', 'only owners and coaches edit the organization’s questions and role guides');
  }
}

export function createOrgContentService(deps: { db: Database; shipped: ContentParts; clock?: () => number }): OrgContentService {
  const { db } = deps;
  const now = deps.clock ?? (() => Date.now());
  const shipped = combineBank(deps.shipped);
  const cache = new Map<string, { at: number; bank: QuestionBank; bytes: number }>();
  // Bumped by every write: a load that overlapped a write may have read the content from before it, so it is
  // returned but not cached (otherwise the writer would not see its own write for up to BANK_TTL_MS).
  const writes = new Map<string, number>();
  const forget = (tenantId: string): void => {
    writes.set(tenantId, (writes.get(tenantId) ?? 0) + 1);
    cache.delete(tenantId);
  };

  const bankOf = async (actor: Actor | null): Promise<QuestionBank> => {
    if (actor === null) return shipped;
    const hit = cache.get(actor.tenantId);
    if (hit && now() - hit.at < BANK_TTL_MS) return hit.bank;
    const writesBefore = writes.get(actor.tenantId) ?? 0;
    const own = await withTenant(db, actor.tenantId, (tx) => repo.loadOrgContent(tx));
    const bank = own.questions.length === 0 && own.guides.length === 0 ? shipped : combineBank(deps.shipped, own);
    if ((writes.get(actor.tenantId) ?? 0) !== writesBefore) return bank;
    cache.delete(actor.tenantId);
    const bytes = bank === shipped ? 0 : Buffer.byteLength(JSON.stringify(own));
    cache.set(actor.tenantId, { at: now(), bank, bytes });
    // Bounded by tenants and by bytes: the oldest entries go first.
    let total = 0;
    for (const entry of cache.values()) total += entry.bytes;
    for (const [tenantId, entry] of cache) {
      if (cache.size <= BANK_CACHE_TENANTS && total <= BANK_CACHE_BYTES) break;
      cache.delete(tenantId);
      total -= entry.bytes;
    }
    return bank;
  };

  const parse = <T>(input: OrgInput, json: (v: unknown) => OrgParse<T>, markdown: (t: string) => OrgParse<T>): OrgParse<T> =>
    'markdown' in input ? markdown(input.markdown) : json(input.json);

  /** The organization's content stays within its byte budget (what each of its requests loads). */
  const assertBudget = (own: ContentParts, replacing: string | null, next: Question | RoleGuide): void => {
    const bytes = (doc: unknown): number => Buffer.byteLength(JSON.stringify(doc));
    let total = bytes(next);
    for (const doc of [...own.questions, ...own.guides]) if (doc.id !== replacing) total += bytes(doc);
    if (total > ORG_CONTENT_BYTES) {
      throw new AppError('CONFLICT', `the organization's own content would be ${String(Math.ceil(total / 1000))} kB; it may hold at most ${String(ORG_CONTENT_BYTES / 1_000_000)} MB: shorten or remove some first`);
    }
  };

  const questionRecord = (row: repo.OrgDocRow<Question>): OrgQuestionRecord => ({
    id: row.doc.id,
    slug: orgSlug(row.doc.id),
    question: row.doc,
    markdown: orgQuestionMarkdown(row.doc),
    ...authorship(row),
  });

  const guideRecord = (row: repo.OrgDocRow<RoleGuide>): OrgGuideRecord => ({
    id: row.doc.id,
    slug: orgSlug(row.doc.id),
    guide: row.doc,
    markdown: orgGuideMarkdown(row.doc),
    ...authorship(row),
  });

  /** What differs between writing a question and writing a role guide; the rest is `write` below. */
  interface Kind<I extends { slug: string }, D extends Question | RoleGuide, R> {
    what: 'question' | 'role guide';
    /** Why a document keeps its slug, for the refusal to rename one. */
    keepsSlug: string;
    parse(input: OrgInput): OrgParse<I>;
    toDoc(input: I): D;
    /** Cross-references against the organization's content (and the shipped guides). */
    check(doc: D, own: ContentParts): OrgContentProblem[];
    limit: number;
    count(own: ContentParts): number;
    insert(tx: TenantTx, doc: D, slug: string, userId: string | null): Promise<boolean>;
    update(tx: TenantTx, doc: D, slug: string, userId: string | null): Promise<boolean>;
    find(tx: TenantTx, slug: string): Promise<repo.OrgDocRow<D> | null>;
    record(row: repo.OrgDocRow<D>): R;
  }

  /**
   * Validates a document, then — under the organization's lock, against its content as it is now — checks its
   * references, the limits and the budget, and inserts it (`slugInPath` null) or replaces the one with that slug.
   */
  const write = async <I extends { slug: string }, D extends Question | RoleGuide, R>(kind: Kind<I, D, R>, actor: Actor, input: OrgInput, slugInPath: string | null): Promise<R> => {
    assertEditor(actor);
    const parsed = kind.parse(input);
    if (!parsed.ok) throw invalid(kind.what, parsed.problems);
    const { slug } = parsed.value;
    if (slugInPath !== null && slug !== slugInPath) {
      throw new AppError('BAD_REQUEST', `slug: "${slug}" does not match the ${kind.what} being replaced ("${slugInPath}"); ${kind.keepsSlug}: add a new one instead`);
    }
    const doc = kind.toDoc(parsed.value);
    const row = await withTenant(db, actor.tenantId, async (tx) => {
      await repo.lockOrgContent(tx);
      const own = await repo.loadOrgContent(tx);
      const problems = withLines(parsed, kind.check(doc, own));
      if (problems.length > 0) throw invalid(kind.what, problems);
      assertBudget(own, slugInPath === null ? null : doc.id, doc);
      if (slugInPath === null) {
        if (kind.count(own) >= kind.limit) throw new AppError('CONFLICT', `the organization has ${String(kind.limit)} ${kind.what}s, the most it may add: remove some first`);
        if (!(await kind.insert(tx, doc, slug, actor.userId))) throw new AppError('CONFLICT', `the organization already has a ${kind.what} "${doc.id}": choose another slug, or replace it (PUT, or loopcoach own add --replace)`);
      } else if (!(await kind.update(tx, doc, slug, actor.userId))) {
        throw notFound(kind.what, doc.id);
      }
      return kind.find(tx, slug);
    });
    forget(actor.tenantId);
    if (!row) throw notFound(kind.what, doc.id);
    return kind.record(row);
  };

  const questions: Kind<OrgQuestionInput, Question, OrgQuestionRecord> = {
    what: 'question',
    keepsSlug: 'a question keeps its slug (its attempts and reviews refer to it)',
    parse: (input) => parse(input, parseOrgQuestion, parseOrgQuestionMarkdown),
    toDoc: toOrgQuestion,
    check: (q, own) => checkOrgQuestion(q, [...deps.shipped.guides, ...own.guides]),
    limit: ORG_QUESTION_LIMIT,
    count: (own) => own.questions.length,
    insert: (tx, question, slug, userId) => repo.insertOrgQuestion(tx, { slug, question, searchText: questionSearchText(question), userId }),
    update: (tx, question, slug, userId) => repo.updateOrgQuestion(tx, { slug, question, searchText: questionSearchText(question), userId }),
    find: repo.findOrgQuestion,
    record: questionRecord,
  };

  const guides: Kind<OrgGuideInput, RoleGuide, OrgGuideRecord> = {
    what: 'role guide',
    keepsSlug: 'a guide keeps its slug (questions and plans refer to it)',
    parse: (input) => parse(input, parseOrgGuide, parseOrgGuideMarkdown),
    toDoc: toOrgGuide,
    check: (guide, own) =>
      checkOrgGuide(
        guide,
        [...deps.shipped.guides, ...own.guides],
        own.questions.filter((q) => q.roles.includes(guide.id)),
        own.guides.find((g) => g.id === guide.id),
      ),
    limit: ORG_GUIDE_LIMIT,
    count: (own) => own.guides.length,
    insert: (tx, guide, slug, userId) => repo.insertOrgGuide(tx, { slug, guide, userId }),
    update: (tx, guide, slug, userId) => repo.updateOrgGuide(tx, { slug, guide, userId }),
    find: repo.findOrgGuide,
    record: guideRecord,
  };

  return {
    bankOf,

    async listQuestions(actor) {
      const rows = await withTenant(db, actor.tenantId, (tx) => repo.listOrgQuestions(tx));
      return rows.map((r) => ({
        id: r.doc.id,
        slug: orgSlug(r.doc.id),
        title: r.doc.title,
        roles: r.doc.roles,
        stage: r.doc.stage,
        difficulty: r.doc.difficulty,
        levels: r.doc.levels,
        ...authorship(r),
      }));
    },

    async getQuestion(actor, slug) {
      assertEditor(actor);
      const row = await withTenant(db, actor.tenantId, (tx) => repo.findOrgQuestion(tx, slug));
      if (!row) throw notFound('question', orgQuestionId(slug));
      return questionRecord(row);
    },

    createQuestion: (actor, input) => write(questions, actor, input, null),
    replaceQuestion: (actor, slug, input) => write(questions, actor, input, slug),

    async deleteQuestion(actor, slug) {
      assertEditor(actor);
      const ok = await withTenant(db, actor.tenantId, (tx) => repo.deleteOrgQuestion(tx, slug));
      forget(actor.tenantId);
      if (!ok) throw notFound('question', orgQuestionId(slug));
    },

    async listGuides(actor) {
      const rows = await withTenant(db, actor.tenantId, (tx) => repo.listOrgGuides(tx));
      return rows.map((r) => ({
        id: r.doc.id,
        slug: orgSlug(r.doc.id),
        title: r.doc.title,
        summary: r.doc.summary,
        stageCount: r.doc.stages.length,
        ...authorship(r),
      }));
    },

    async getGuide(actor, slug) {
      assertEditor(actor);
      const row = await withTenant(db, actor.tenantId, (tx) => repo.findOrgGuide(tx, slug));
      if (!row) throw notFound('role guide', orgGuideId(slug));
      return guideRecord(row);
    },

    createGuide: (actor, input) => write(guides, actor, input, null),
    replaceGuide: (actor, slug, input) => write(guides, actor, input, slug),

    async deleteGuide(actor, slug) {
      assertEditor(actor);
      const id = orgGuideId(slug);
      await withTenant(db, actor.tenantId, async (tx) => {
        await repo.lockOrgContent(tx);
        const own = await repo.loadOrgContent(tx);
        const users = own.questions.filter((q) => q.roles.includes(id));
        if (users.length > 0) {
          const names = users.slice(0, 5).map((q) => q.id).join(', ');
          throw new AppError('CONFLICT', `role guide ${id} is used by ${String(users.length)} of the organization’s questions (${names}${users.length > 5 ? ', …' : ''}): move or remove them first`);
        }
        const related = own.guides.filter((g) => g.id !== id && g.relatedRoles.some((r) => r.id === id));
        if (related.length > 0) {
          throw new AppError('CONFLICT', `role guide ${id} is a related role of ${related.map((g) => g.id).join(', ')}: remove it there first`);
        }
        if (!(await repo.deleteOrgGuide(tx, slug))) throw notFound('role guide', id);
      });
      forget(actor.tenantId);
    },
  };
}
