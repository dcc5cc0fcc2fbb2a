/**
 * Progress over time, from the attempts and review cards: the score trend, mastery per skill, weak skills,
 * recurring mistakes, due reviews and a readiness estimate per loop stage. Pure: `now` is an argument.
 */
import type { Level } from '../content/schema.js';
import { retrievability, type StoredCard } from './srs.js';

export interface AttemptFact {
  id: string;
  questionId: string;
  score: number;
  createdAt: string;
  missedPoints: string[];
  mistakes: { id: string; mistake: string }[];
}

export interface QuestionFact {
  id: string;
  title: string;
  stage: string;
  skills: string[];
}

export interface CardFact {
  questionId: string;
  card: StoredCard;
}

export interface StageFact {
  id: string;
  name: string;
}

export interface Progress {
  attempts: number;
  questionsPractised: number;
  trend: { date: string; average: number; attempts: number }[];
  recent: { attemptId: string; questionId: string; title: string; score: number; createdAt: string }[];
  mastery: { skill: string; mastery: number; questions: number; attempts: number }[];
  weakSkills: { skill: string; mastery: number }[];
  recurringMistakes: { questionId: string; title: string; id: string; mistake: string; times: number }[];
  due: { questionId: string; title: string; due: string; overdueDays: number }[];
  readiness: { stage: string; name: string; readiness: number; practised: number; available: number; note: string }[];
}

const day = (iso: string): string => iso.slice(0, 10);

export function computeProgress(input: {
  attempts: readonly AttemptFact[];
  cards: readonly CardFact[];
  questions: readonly QuestionFact[];
  stages: readonly StageFact[];
  now: Date;
}): Progress {
  const { attempts, cards, questions, stages, now } = input;
  const byId = new Map(questions.map((q) => [q.id, q]));
  const chronological = [...attempts].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));

  // Trend: the day's average score.
  const perDay = new Map<string, number[]>();
  for (const a of chronological) perDay.set(day(a.createdAt), [...(perDay.get(day(a.createdAt)) ?? []), a.score]);
  const trend = [...perDay].map(([date, s]) => ({ date, average: Math.round(avg(s)), attempts: s.length }));

  // Latest score per question; mastery per skill = mean of its questions' latest scores, discounted by forgetting.
  const latest = new Map<string, AttemptFact>();
  const count = new Map<string, number>();
  for (const a of chronological) {
    latest.set(a.questionId, a);
    count.set(a.questionId, (count.get(a.questionId) ?? 0) + 1);
  }
  const cardOf = new Map(cards.map((c) => [c.questionId, c.card]));
  const recall = (qid: string): number => {
    const c = cardOf.get(qid);
    return c ? 0.6 + 0.4 * retrievability(c, now) : 1;
  };
  const perSkill = new Map<string, { scores: number[]; attempts: number }>();
  for (const [qid, a] of latest) {
    const q = byId.get(qid);
    if (!q) continue;
    for (const s of q.skills) {
      const e = perSkill.get(s) ?? { scores: [], attempts: 0 };
      e.scores.push(a.score * recall(qid));
      e.attempts += count.get(qid) ?? 0;
      perSkill.set(s, e);
    }
  }
  const mastery = [...perSkill]
    .map(([skill, e]) => ({ skill, mastery: Math.round(avg(e.scores)), questions: e.scores.length, attempts: e.attempts }))
    .sort((a, b) => b.attempts - a.attempts || a.skill.localeCompare(b.skill));
  const weakSkills = mastery.filter((m) => m.mastery < 60).sort((a, b) => a.mastery - b.mastery || a.skill.localeCompare(b.skill)).slice(0, 8).map(({ skill, mastery: m }) => ({ skill, mastery: m }));

  // Mistakes made in more than one attempt.
  const mistakeCount = new Map<string, { questionId: string; title: string; id: string; mistake: string; times: number }>();
  for (const a of chronological) {
    for (const m of a.mistakes) {
      const key = `${a.questionId}#${m.id}`;
      const e = mistakeCount.get(key) ?? { questionId: a.questionId, title: byId.get(a.questionId)?.title ?? a.questionId, id: m.id, mistake: m.mistake, times: 0 };
      e.times++;
      mistakeCount.set(key, e);
    }
  }
  const recurringMistakes = [...mistakeCount.values()].filter((m) => m.times >= 2).sort((a, b) => b.times - a.times || a.id.localeCompare(b.id));

  const due = cards
    .filter((c) => new Date(c.card.due).getTime() <= now.getTime())
    .map((c) => ({
      questionId: c.questionId,
      title: byId.get(c.questionId)?.title ?? c.questionId,
      due: c.card.due,
      overdueDays: Math.max(0, Math.floor((now.getTime() - new Date(c.card.due).getTime()) / 86_400_000)),
    }))
    .sort((a, b) => a.due.localeCompare(b.due) || a.questionId.localeCompare(b.questionId));

  // Readiness per stage: latest scores discounted by forgetting, times how much of the stage was practised
  // (three questions make a stage covered).
  const readiness = stages.map((st) => {
    const inStage = questions.filter((q) => q.stage === st.id);
    const practised = inStage.filter((q) => latest.has(q.id));
    const quality = practised.length > 0 ? avg(practised.map((q) => (latest.get(q.id)?.score ?? 0) * recall(q.id))) : 0;
    const breadth = Math.min(1, practised.length / Math.min(3, Math.max(1, inStage.length)));
    const r = Math.round(quality * breadth);
    const note =
      inStage.length === 0
        ? 'No questions in the bank for this stage yet.'
        : practised.length === 0
          ? 'Not practised yet.'
          : breadth < 1
            ? `Practise ${String(Math.min(3, inStage.length) - practised.length)} more question${Math.min(3, inStage.length) - practised.length === 1 ? '' : 's'} here.`
            : r >= 75
              ? 'Ready: keep it fresh with reviews.'
              : 'Covered, but the scores are not there yet.';
    return { stage: st.id, name: st.name, readiness: r, practised: practised.length, available: inStage.length, note };
  });

  const recent = [...chronological]
    .reverse()
    .slice(0, 20)
    .map((a) => ({ attemptId: a.id, questionId: a.questionId, title: byId.get(a.questionId)?.title ?? a.questionId, score: a.score, createdAt: a.createdAt }));

  return { attempts: attempts.length, questionsPractised: latest.size, trend, recent, mastery, weakSkills, recurringMistakes, due, readiness };
}

/** How many of the newest attempts make "recent" in a summary. */
export const RECENT_ATTEMPTS = 10;

export interface ProgressSummary {
  attempts: number;
  questionsPractised: number;
  /** Mean score of the newest RECENT_ATTEMPTS attempts; null before the first. */
  averageRecentScore: number | null;
  lastAttemptAt: string | null;
  dueReviews: number;
  readiness: { overall: number; stages: { stage: string; name: string; readiness: number }[] };
}

/** One line of a coach's overview: the headline numbers of a member's progress. */
export function summarizeProgress(p: Progress): ProgressSummary {
  const recent = p.recent.slice(0, RECENT_ATTEMPTS);
  return {
    attempts: p.attempts,
    questionsPractised: p.questionsPractised,
    averageRecentScore: recent.length > 0 ? Math.round(avg(recent.map((a) => a.score))) : null,
    lastAttemptAt: p.recent[0]?.createdAt ?? null,
    dueReviews: p.due.length,
    readiness: {
      overall: p.readiness.length > 0 ? Math.round(avg(p.readiness.map((r) => r.readiness))) : 0,
      stages: p.readiness.map((r) => ({ stage: r.stage, name: r.name, readiness: r.readiness })),
    },
  };
}

const LEVEL_BAR: Record<Level, number> = { intern: 50, entry: 55, mid: 62, senior: 70, staff: 78, principal: 82, manager: 70 };

export type Signal = 'strong-hire' | 'hire' | 'lean-no-hire' | 'no-hire';

/** A stage's or a loop's signal at a level: the bar plus margin, with a weak stage pulling the loop down. */
export function signalFor(score: number, level: Level): Signal {
  const bar = LEVEL_BAR[level];
  if (score >= bar + 12) return 'strong-hire';
  if (score >= bar) return 'hire';
  if (score >= bar - 15) return 'lean-no-hire';
  return 'no-hire';
}

export interface Scorecard {
  level: Level;
  stages: { stage: string; name: string; questionId: string; score: number | null; signal: Signal | null }[];
  overall: { score: number | null; signal: Signal | null; summary: string };
}

/** The mock loop's scorecard: a signal per stage and one for the loop, where any no-hire stage caps the loop. */
export function scorecard(level: Level, items: readonly { stage: string; name: string; questionId: string; score: number | null }[]): Scorecard {
  const stages = items.map((i) => ({ ...i, signal: i.score === null ? null : signalFor(i.score, level) }));
  const done = stages.filter((s) => s.score !== null);
  if (done.length === 0) return { level, stages, overall: { score: null, signal: null, summary: 'No stage answered yet.' } };
  const mean = Math.round(avg(done.map((s) => s.score ?? 0)));
  let signal = signalFor(mean, level);
  const weakest = [...done].sort((a, b) => (a.score ?? 0) - (b.score ?? 0))[0];
  if (weakest && weakest.signal === 'no-hire' && (signal === 'strong-hire' || signal === 'hire')) signal = 'lean-no-hire';
  const pending = stages.length - done.length;
  const summary =
    `${String(done.length)} of ${String(stages.length)} stages answered, average ${String(mean)} at the ${level} bar of ${String(LEVEL_BAR[level])}` +
    (weakest ? `; weakest: ${weakest.name} (${String(weakest.score)})` : '') +
    (pending > 0 ? `; ${String(pending)} still to go.` : '.');
  return { level, stages, overall: { score: mean, signal, summary } };
}

function avg(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
