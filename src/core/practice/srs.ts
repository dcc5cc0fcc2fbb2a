/**
 * Spaced repetition with FSRS (ts-fsrs): every attempt rates the question from its score and moves its card.
 * Fuzz is off, so the same history always gives the same schedule; time is an argument.
 */
import { type Card, createEmptyCard, fsrs, generatorParameters, type Grade, Rating } from 'ts-fsrs';

const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: true }));

/** A card as stored (JSON with ISO dates). */
export type StoredCard = Omit<Card, 'due' | 'last_review'> & { due: string; last_review: string | null };

export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';

/** An attempt's score → FSRS rating: below 40 forgot it, below 65 hard, below 85 good, else easy. */
export function ratingFromScore(score: number): ReviewRating {
  if (score < 40) return 'again';
  if (score < 65) return 'hard';
  if (score < 85) return 'good';
  return 'easy';
}

const GRADE: Record<ReviewRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

function toCard(s: StoredCard): Card {
  const { due, last_review, ...rest } = s;
  return { ...rest, due: new Date(due), ...(last_review ? { last_review: new Date(last_review) } : {}) };
}

function fromCard(c: Card): StoredCard {
  const { due, last_review, ...rest } = c;
  return { ...rest, due: due.toISOString(), last_review: last_review ? last_review.toISOString() : null };
}

/** The card after an attempt scored `score` at `now` (a new card when the question was never practised). */
export function review(card: StoredCard | null, score: number, now: Date): { card: StoredCard; rating: ReviewRating } {
  const rating = ratingFromScore(score);
  const current = card ? toCard(card) : createEmptyCard(now);
  const next = scheduler.next(current, now, GRADE[rating]);
  return { card: fromCard(next.card), rating };
}

/** How likely the answer is still remembered at `now` (0..1); 0 for a card never reviewed. */
export function retrievability(card: StoredCard, now: Date): number {
  if (!card.last_review) return 0;
  return scheduler.get_retrievability(toCard(card), now, false);
}
