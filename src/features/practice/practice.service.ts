/**
 * Practice: scoring answers, recording attempts (idempotently) and moving each question's review card, sessions
 * (practice, interview, mock loop) and progress. Decisions are the pure core's (scoring, FSRS, session picking,
 * progress); this orchestrates them over the actor's data.
 *
 * Every write is the actor's own (their user id is recorded; a session, plan or card is looked up among their own
 * rows). Reads are the actor's own unless an owner or coach names a member (`userId`): ../accounts/visibility.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { QuestionBank } from '../../core/content/bank.js';
import type { Level, Question } from '../../core/content/schema.js';
import type { Plan } from '../../core/plan/build-plan.js';
import { computeProgress, scorecard, summarizeProgress, type AttemptFact, type CardFact } from '../../core/practice/progress.js';
import { pickMockLoop, pickPractice, type History, type SessionItem } from '../../core/practice/sessions.js';
import { ratingFromScore, review } from '../../core/practice/srs.js';
import type { Scorer, ScoreResult } from '../../core/scoring/score.js';
import type { Database } from '../../infra/db/database.js';
import { withTenant } from '../../infra/db/tenant.js';
import type { AttemptRecord, CreateAttemptBody, CreateSessionBody, MembersProgressDto, ProgressDto, SessionRecord } from '../../shared/contracts/practice.js';
import { AppError, notFound } from '../../shared/errors.js';
import { membersReadableBy, ownRows, readableRows, type Actor, type MemberDirectory, type ReadScope } from '../accounts/visibility.js';
import { findPlan } from '../plans/plans.repository.js';
import type { BankOf } from '../org-content/org-content.service.js';
import * as repo from './practice.repository.js';


/** Whose data a read returns: absent, the actor's own; an owner or coach may name a member. */
export interface ReadOptions {
  userId?: string | undefined;
}

export interface PracticeService {
  /** A question from the bank the actor sees (shipped, and their organization's own), whole (prompt, hints, framework, model answer). */
  question(viewer: Actor | null, id: string): Promise<Question>;
  /** Score without recording (the CLI's `score`, the web's preview). */
  score(viewer: Actor | null, questionId: string, answer: string, level?: Level): Promise<ScoreResult>;
  /** Records a scored attempt as the actor's, once per idempotency key (per user); `replayed` when the key was seen before. */
  createAttempt(actor: Actor, idempotencyKey: string, body: CreateAttemptBody): Promise<{ record: AttemptRecord; replayed: boolean }>;
  getAttempt(actor: Actor, id: string, opts?: ReadOptions): Promise<AttemptRecord>;
  listAttempts(actor: Actor, opts: ReadOptions & { questionId?: string | undefined; limit: number }): Promise<Omit<AttemptRecord, 'answer' | 'result' | 'review' | 'modelAnswer' | 'durationSeconds'>[]>;
  dueReviews(actor: Actor, opts?: ReadOptions): Promise<{ items: { questionId: string; title: string; stage: string; due: string; overdueDays: number; lastScore: number }[]; upcoming: { questionId: string; title: string; due: string }[] }>;
  createSession(actor: Actor, body: CreateSessionBody): Promise<SessionRecord>;
  getSession(actor: Actor, id: string, opts?: ReadOptions): Promise<SessionRecord>;
  listSessions(actor: Actor, opts?: ReadOptions): Promise<(Omit<SessionRecord, 'items' | 'scorecard'> & { answered: number; total: number })[]>;
  finishSession(actor: Actor, id: string): Promise<SessionRecord>;
  progress(actor: Actor, opts: ReadOptions & { role?: string | undefined; planId?: string | undefined }): Promise<ProgressDto>;
  /** An owner's or coach's overview: each member's attempts, recent average, due reviews and readiness. */
  membersProgress(actor: Actor, opts: { role?: string | undefined }): Promise<MembersProgressDto>;
}

/** Attempts read for progress: the newest this many (the same for one user's progress and the members overview). */
const PROGRESS_ATTEMPTS = 5000;

const isoOf = (d: string | Date): string => (d instanceof Date ? d : new Date(d)).toISOString();

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

export function createPracticeService(deps: { db: Database; directory: MemberDirectory; bankOf: BankOf; scorer: Scorer; clock: () => Date }): PracticeService {
  const { db, directory, bankOf, scorer, clock } = deps;
  const readable = (actor: Actor, opts: ReadOptions = {}): Promise<ReadScope> => readableRows(actor, opts.userId, directory);

  const question = (bank: QuestionBank, id: string): Question => {
    const q = bank.get(id);
    if (!q) throw notFound('question', id);
    return q;
  };

  const toRecord = (bank: QuestionBank, row: repo.AttemptRow, reviewState: AttemptRecord['review']): AttemptRecord => {
    const q = bank.get(row.question_id);
    return {
      id: row.id,
      questionId: row.question_id,
      questionTitle: q?.title ?? row.question_id,
      sessionId: row.session_id,
      mode: row.mode as AttemptRecord['mode'],
      level: row.level as Level,
      answer: row.answer,
      score: row.score,
      result: row.result as AttemptRecord['result'],
      durationSeconds: row.duration_seconds,
      createdAt: isoOf(row.created_at),
      review: reviewState,
      modelAnswer: q?.modelAnswer ?? '',
    };
  };

  const stagesOf = (bank: QuestionBank, role: string): { id: string; name: string }[] => {
    const guide = bank.guide(role);
    if (!guide) throw notFound('role', role);
    return guide.stages.map((s) => ({ id: s.id, name: s.name }));
  };

  const sessionRecord = async (actor: Actor, owner: ReadScope, row: repo.SessionRow): Promise<SessionRecord> => {
    const bank = await bankOf(actor);
    const done = await withTenant(db, actor.tenantId, (tx) => repo.sessionAttempts(tx, owner, row.id));
    const byQ = new Map(done.map((d) => [d.question_id, d]));
    const level = row.level as Level;
    const stageName = new Map<string, string>();
    for (const s of bank.guide(row.role ?? '')?.stages ?? []) stageName.set(s.id, s.name);
    const items = row.items.map((it) => {
      const q = bank.get(it.questionId);
      const a = byQ.get(it.questionId);
      return {
        stage: it.stage,
        stageName: stageName.get(it.stage) ?? it.stage,
        questionId: it.questionId,
        title: q?.title ?? it.questionId,
        timeBudgetMinutes: q?.timeBudgetMinutes ?? 30,
        attemptId: a?.id ?? null,
        score: a?.score ?? null,
      };
    });
    return {
      id: row.id,
      mode: row.mode as SessionRecord['mode'],
      role: row.role,
      planId: row.plan_id,
      level,
      status: row.status as SessionRecord['status'],
      createdAt: isoOf(row.created_at),
      finishedAt: row.finished_at ? isoOf(row.finished_at) : null,
      items,
      scorecard: scorecard(level, items.map((i) => ({ stage: i.stage, name: i.stageName, questionId: i.questionId, score: i.score }))),
    };
  };

  const sessionOf = async (actor: Actor, owner: ReadScope, id: string): Promise<SessionRecord> => {
    const row = await withTenant(db, actor.tenantId, (tx) => repo.findSession(tx, owner, id));
    if (!row) throw notFound('session', id);
    return sessionRecord(actor, owner, row);
  };

  /** The stages readiness is measured on: a plan's (one of the owner's) or a role guide's. */
  const stagesFor = async (bank: QuestionBank, actor: Actor, owner: ReadScope, opts: { role?: string | undefined; planId?: string | undefined }): Promise<{ role: string; stages: { id: string; name: string }[] }> => {
    if (opts.planId) {
      const planId = opts.planId;
      const row = await withTenant(db, actor.tenantId, (tx) => findPlan(tx, owner, planId));
      if (!row) throw notFound('plan', planId);
      const plan = row.plan as Plan;
      return { role: plan.guide.id, stages: plan.stages.map((s) => ({ id: s.stage, name: s.name })) };
    }
    const role = opts.role ?? 'backend';
    return { role, stages: stagesOf(bank, role) };
  };

  const progressOf = (bank: QuestionBank, role: string, stages: { id: string; name: string }[], facts: readonly repo.AttemptFactRow[], cards: readonly repo.CardRow[]) => {
    const attempts: AttemptFact[] = facts.map((f) => ({ id: f.id, questionId: f.question_id, score: f.score, createdAt: isoOf(f.created_at), missedPoints: f.missed ?? [], mistakes: f.mistakes ?? [] }));
    const cardFacts: CardFact[] = cards.map((c) => ({ questionId: c.question_id, card: c.card }));
    const practised = new Set(facts.map((f) => f.question_id));
    return computeProgress({
      attempts,
      cards: cardFacts,
      questions: bank.all.filter((q) => q.roles.includes(role) || practised.has(q.id)).map((q) => ({ id: q.id, title: q.title, stage: q.stage, skills: q.skills })),
      stages,
      now: clock(),
    });
  };

  return {
    question: async (viewer, id) => question(await bankOf(viewer), id),
    async score(viewer, questionId, answer, level) {
      if (answer.trim() === '') throw new AppError('BAD_REQUEST', 'answer: must not be empty');
      return scorer.score(question(await bankOf(viewer), questionId), answer, level);
    },

    async createAttempt(actor, key, body) {
      const own = ownRows(actor);
      const bank = await bankOf(actor);
      const q = question(bank, body.questionId);
      const level: Level = body.level ?? (q.levels.includes('senior') ? 'senior' : (q.levels[0] ?? 'senior'));
      const hash = createHash('sha256')
        .update(JSON.stringify([body.questionId, body.answer, body.mode, level, body.sessionId ?? null]))
        .digest('hex');
      const replay = async (): Promise<{ record: AttemptRecord; replayed: boolean } | null> => {
        const prior = await withTenant(db, actor.tenantId, (tx) => repo.findAttemptByKey(tx, own, key));
        if (!prior) return null;
        if (prior.request_hash !== hash) {
          throw new AppError('CONFLICT', 'Idempotency-Key: this key was already used for a different attempt; use a new key for a new attempt');
        }
        const card = await withTenant(db, actor.tenantId, (tx) => repo.findCard(tx, own, prior.question_id));
        return { record: toRecord(bank, prior, card ? { rating: ratingFromScore(prior.score), due: isoOf(card.due) } : null), replayed: true };
      };
      const seen = await replay();
      if (seen) return seen;

      if (body.sessionId) {
        const sessionId = body.sessionId;
        // Only the actor's own session: answering in anyone else's is the same 404 as a missing session.
        const session = await withTenant(db, actor.tenantId, (tx) => repo.findSession(tx, own, sessionId));
        if (!session) throw notFound('session', sessionId);
        if (session.status === 'finished') throw new AppError('CONFLICT', `session ${sessionId} is finished: start a new session to answer again`);
        if (!session.items.some((i) => i.questionId === q.id)) throw new AppError('BAD_REQUEST', `questionId: "${q.id}" is not part of session ${sessionId}`);
      }
      const result = scorer.score(q, body.answer, level);
      const id = randomUUID();
      const now = clock();
      const outcome = await withTenant(db, actor.tenantId, async (tx) => {
        const inserted = await repo.insertAttempt(tx, own, {
          id,
          session_id: body.sessionId ?? null,
          question_id: q.id,
          mode: body.mode,
          level,
          answer: body.answer,
          score: result.score,
          result,
          duration_seconds: body.durationSeconds ?? null,
          idempotency_key: key,
          request_hash: hash,
        });
        if (!inserted) return null;
        const card = await repo.findCardForUpdate(tx, own, q.id);
        const next = review(card?.card ?? null, result.score, now);
        await repo.upsertCard(tx, own, q.id, next.card, result.score);
        const row = await repo.findAttempt(tx, own, id);
        return row ? { row, review: { rating: next.rating, due: next.card.due } } : null;
      });
      if (!outcome) {
        // A concurrent request with the same key won the insert: answer as its replay.
        const again = await replay();
        if (again) return again;
        throw new AppError('CONFLICT', 'Idempotency-Key: a concurrent request with this key is still being recorded; retry');
      }
      return { record: toRecord(bank, outcome.row, outcome.review), replayed: false };
    },

    async getAttempt(actor, id, opts) {
      const owner = await readable(actor, opts);
      const found = await withTenant(db, actor.tenantId, async (tx) => {
        const row = await repo.findAttempt(tx, owner, id);
        return row ? { row, card: await repo.findCard(tx, owner, row.question_id) } : null;
      });
      if (!found) throw notFound('attempt', id);
      // The question's schedule now (it moves with every attempt at it, this one or later ones).
      return toRecord(await bankOf(actor), found.row, found.card ? { rating: ratingFromScore(found.row.score), due: isoOf(found.card.due) } : null);
    },

    async listAttempts(actor, opts) {
      const owner = await readable(actor, opts);
      const [rows, bank] = await Promise.all([withTenant(db, actor.tenantId, (tx) => repo.listAttempts(tx, owner, opts)), bankOf(actor)]);
      return rows.map((r) => ({
        id: r.id,
        questionId: r.question_id,
        questionTitle: bank.get(r.question_id)?.title ?? r.question_id,
        sessionId: r.session_id,
        mode: r.mode as AttemptRecord['mode'],
        level: r.level as Level,
        score: r.score,
        createdAt: isoOf(r.created_at),
      }));
    },

    async dueReviews(actor, opts) {
      const owner = await readable(actor, opts);
      const [cards, bank] = await Promise.all([withTenant(db, actor.tenantId, (tx) => repo.listCards(tx, owner)), bankOf(actor)]);
      const now = clock().getTime();
      const items = [];
      const upcoming = [];
      for (const c of cards) {
        const q = bank.get(c.question_id);
        if (!q) continue;
        const due = new Date(c.due);
        if (due.getTime() <= now) {
          items.push({ questionId: q.id, title: q.title, stage: q.stage, due: due.toISOString(), overdueDays: Math.floor((now - due.getTime()) / 86_400_000), lastScore: c.last_score });
        } else if (upcoming.length < 10) {
          upcoming.push({ questionId: q.id, title: q.title, due: due.toISOString() });
        }
      }
      return { items, upcoming };
    },

    async createSession(actor, body) {
      const own = ownRows(actor);
      const bank = await bankOf(actor);
      let role: string;
      let level: Level;
      let stages: { id: string; name: string }[];
      const candidates = new Map<string, string[]>();
      if (body.planId) {
        const planId = body.planId;
        // A session is practised from one of the actor's own plans.
        const row = await withTenant(db, actor.tenantId, (tx) => findPlan(tx, own, planId));
        if (!row) throw notFound('plan', planId);
        const plan = row.plan as Plan;
        role = plan.guide.id;
        level = body.level ?? plan.level;
        stages = plan.stages.map((s) => ({ id: s.stage, name: s.name }));
        for (const s of plan.stages) candidates.set(s.stage, s.questions.map((q) => q.id));
      } else {
        role = body.role ?? 'backend';
        level = body.level ?? 'senior';
        const guide = bank.guide(role);
        if (!guide) throw notFound('role', role);
        stages = guide.stages.filter((s) => s.levels.includes(level)).map((s) => ({ id: s.id, name: s.name }));
        for (const q of bank.all) {
          if (!q.roles.includes(role) || !q.levels.includes(level)) continue;
          candidates.set(q.stage, [...(candidates.get(q.stage) ?? []), q.id]);
        }
      }
      const last = await withTenant(db, actor.tenantId, (tx) => repo.lastAttempts(tx, own));
      const history = new Map<string, History>(last.map((l) => [l.question_id, { lastAt: isoOf(l.created_at), lastScore: l.score }]));
      const items: SessionItem[] = body.mode === 'mock' ? pickMockLoop(stages, candidates, history) : pickPractice(stages, candidates, history, body.count);
      if (items.length === 0) throw new AppError('BAD_REQUEST', `no questions to practise for role "${role}" at level ${level}`);
      const id = randomUUID();
      await withTenant(db, actor.tenantId, (tx) => repo.insertSession(tx, own, { id, mode: body.mode, role, plan_id: body.planId ?? null, level, items }));
      return sessionOf(actor, own, id);
    },

    async getSession(actor, id, opts) {
      return sessionOf(actor, await readable(actor, opts), id);
    },

    async listSessions(actor, opts) {
      const owner = await readable(actor, opts);
      const [rows, counts] = await withTenant(db, actor.tenantId, async (tx) => [await repo.listSessions(tx, owner, 100), await repo.countSessionAttempts(tx, owner)] as const);
      return rows.map((r) => ({
        id: r.id,
        mode: r.mode as SessionRecord['mode'],
        role: r.role,
        planId: r.plan_id,
        level: r.level as Level,
        status: r.status as SessionRecord['status'],
        createdAt: isoOf(r.created_at),
        finishedAt: r.finished_at ? isoOf(r.finished_at) : null,
        answered: counts.get(r.id) ?? 0,
        total: r.items.length,
      }));
    },

    async finishSession(actor, id) {
      const own = ownRows(actor);
      const ok = await withTenant(db, actor.tenantId, (tx) => repo.finishSession(tx, own, id));
      if (!ok) throw notFound('session', id);
      return sessionOf(actor, own, id);
    },

    async progress(actor, opts) {
      const owner = await readable(actor, opts);
      const bank = await bankOf(actor);
      const { role, stages } = await stagesFor(bank, actor, owner, opts);
      const [facts, cards] = await withTenant(db, actor.tenantId, async (tx) => [await repo.attemptFacts(tx, owner, PROGRESS_ATTEMPTS), await repo.listCards(tx, owner)] as const);
      return { role, ...progressOf(bank, role, stages, facts, cards) };
    },

    async membersProgress(actor, opts) {
      const members = await membersReadableBy(actor, directory);
      const role = opts.role ?? 'backend';
      const bank = await bankOf(actor);
      const stages = stagesOf(bank, role);
      const scopes = members.map((m) => m.scope);
      const [facts, cards] =
        scopes.length === 0
          ? [[], []]
          : await withTenant(db, actor.tenantId, async (tx) => [await repo.attemptFactsOfUsers(tx, scopes, PROGRESS_ATTEMPTS), await repo.cardsOfUsers(tx, scopes)] as const);
      const factsOf = groupBy(facts, (f) => f.user_id);
      const cardsOf = groupBy(cards, (c) => c.user_id);
      const items = members.map((m) => ({
        userId: m.userId,
        name: m.name,
        email: m.email,
        ...summarizeProgress(progressOf(bank, role, stages, factsOf.get(m.userId) ?? [], cardsOf.get(m.userId) ?? [])),
      }));
      return { role, items };
    },
  };
}
