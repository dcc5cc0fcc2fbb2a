import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import type { Question } from '../../core/content/schema.js';
import { analyzePosting, type Analysis } from '../../core/jd/analyze.js';
import { buildPlan, type Plan } from '../../core/plan/build-plan.js';
import { planMarkdown } from '../../core/plan/markdown.js';
import type { Database } from '../../infra/db/database.js';
import { withTenant } from '../../infra/db/tenant.js';
import { postingTextFromBytes } from '../../infra/jd/read-posting.js';
import type { CreatePlanBody, PlanRecord, PlanSummary } from '../../shared/contracts/plans.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { BankOf } from '../org-content/org-content.service.js';
import { ownRows, readableRows, type Actor, type MemberDirectory } from '../accounts/visibility.js';
import * as repo from './plans.repository.js';

export interface PostingInput {
  text: string;
  title?: string | undefined;
  interviewDate?: string | undefined;
}

export interface PlanPreview {
  analysis: Analysis;
  plan: Plan;
  markdown: string;
}

export interface PlansService {
  /** Analyse and plan without storing anything (the CLI's `prep`); `viewer`'s organization's own questions rank beside the shipped ones. */
  preview(input: PostingInput, viewer?: Actor | null): Promise<PlanPreview>;
  /** The posting text from an API body: pasted text, or an uploaded file. */
  postingFromBody(body: CreatePlanBody): Promise<PostingInput>;
  /** Stores a plan as the actor's own. */
  create(actor: Actor, input: PostingInput): Promise<PlanRecord>;
  /** The actor's plans, or (owners and coaches) a member's, named by `userId`. */
  list(actor: Actor, opts?: { userId?: string | undefined }): Promise<PlanSummary[]>;
  get(actor: Actor, id: string, opts?: { userId?: string | undefined }): Promise<PlanRecord>;
  /** Deletes one of the actor's own plans: anyone else's is not found. */
  remove(actor: Actor, id: string): Promise<void>;
}

/** Local calendar date YYYY-MM-DD. */
export const localDate = (d: Date): string =>
  `${String(d.getFullYear())}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const iso = (d: string | Date | null): string | null => (d === null ? null : d instanceof Date ? localDate(d) : d.slice(0, 10));

export function createPlansService(deps: { db: Database; directory: MemberDirectory; bankOf: BankOf; clock: () => Date }): PlansService {
  const { db, directory, bankOf, clock } = deps;
  const titlesOf = (bank: readonly Question[]): Map<string, string> => new Map(bank.map((q) => [q.id, q.title]));

  const preview = async (input: PostingInput, viewer: Actor | null = null): Promise<PlanPreview> => {
    const result = analyzePosting({ text: input.text, title: input.title });
    if (!result.ok) {
      throw new AppError(result.error.code === 'TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', result.error.message);
    }
    const { guides, all: bank } = await bankOf(viewer);
    const built = buildPlan(result.analysis, guides, bank, { today: localDate(clock()), interviewDate: input.interviewDate });
    if (!built.ok) throw new AppError('BAD_REQUEST', built.error.code === 'BAD_DATE' ? `interviewDate: ${built.error.message}` : built.error.message);
    return { analysis: result.analysis, plan: built.plan, markdown: planMarkdown(built.plan, titlesOf(bank)) };
  };

  const toRecord = async (actor: Actor, row: repo.PlanRow): Promise<PlanRecord> => {
    const titles = titlesOf((await bankOf(actor)).all);
    const plan = row.plan as Plan;
    return {
      id: row.id,
      title: row.title,
      role: row.role,
      level: row.level,
      interviewDate: iso(row.interview_date),
      createdAt: (row.created_at instanceof Date ? row.created_at : new Date(row.created_at)).toISOString(),
      posting: row.posting,
      analysis: row.analysis as PlanRecord['analysis'],
      plan,
      markdown: planMarkdown(plan, titles),
    };
  };

  const get = async (actor: Actor, id: string, opts: { userId?: string | undefined } = {}): Promise<PlanRecord> => {
    const owner = await readableRows(actor, opts.userId, directory);
    const row = await withTenant(db, actor.tenantId, (tx) => repo.findPlan(tx, owner, id));
    if (!row) throw notFound('plan', id);
    return toRecord(actor, row);
  };

  return {
    preview,
    get,
    async postingFromBody(body) {
      if ((body.text === undefined) === (body.file === undefined)) throw new AppError('BAD_REQUEST', 'body: give the posting as "text" or as "file", not both and not neither');
      let text = body.text ?? '';
      if (body.file) {
        const bytes = Buffer.from(body.file.contentBase64, 'base64');
        if (bytes.length === 0) throw new AppError('BAD_REQUEST', 'file.contentBase64: not valid base64 or empty');
        text = await postingTextFromBytes(bytes, extname(body.file.name).toLowerCase(), body.file.name);
      }
      return { text, title: body.title, interviewDate: body.interviewDate };
    },
    async create(actor, input) {
      const p = await preview(input, actor);
      const id = randomUUID();
      const { text: cleaned, ...analysis } = p.analysis;
      await withTenant(db, actor.tenantId, (tx) =>
        repo.insertPlan(tx, ownRows(actor), {
          id,
          title: p.analysis.title,
          role: p.analysis.role,
          level: p.analysis.level,
          posting: cleaned,
          analysis,
          plan: p.plan,
          interview_date: input.interviewDate ?? null,
        }),
      );
      return get(actor, id);
    },
    async list(actor, opts = {}) {
      const owner = await readableRows(actor, opts.userId, directory);
      const rows = await withTenant(db, actor.tenantId, (tx) => repo.listPlans(tx, owner, 200));
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        role: r.role,
        level: r.level,
        interviewDate: iso(r.interview_date),
        createdAt: (r.created_at instanceof Date ? r.created_at : new Date(r.created_at)).toISOString(),
      }));
    },
    async remove(actor, id) {
      if (!(await withTenant(db, actor.tenantId, (tx) => repo.deletePlan(tx, ownRows(actor), id)))) throw notFound('plan', id);
    },
  };
}
