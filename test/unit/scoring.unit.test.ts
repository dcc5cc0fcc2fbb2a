import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Question } from '../../src/core/content/schema.js';
import { computeProgress, RECENT_ATTEMPTS, scorecard, signalFor, summarizeProgress } from '../../src/core/practice/progress.js';
import { pickMockLoop, pickPractice } from '../../src/core/practice/sessions.js';
import { ratingFromScore, review } from '../../src/core/practice/srs.js';
import { createScorer } from '../../src/core/scoring/score.js';
import { analyzeText } from '../../src/core/scoring/text.js';

const long = (s: string): string => `${s} ${'This sentence pads the field so it meets the schema length for real content.'.repeat(2)}`;

/** A small but realistic design question: an idempotent payment endpoint. */
const payment: Question = {
  id: 'backend/test-payments',
  title: 'Design an idempotent payment endpoint',
  roles: ['backend'],
  stage: 'system-design',
  levels: ['mid', 'senior', 'staff'],
  difficulty: 'hard',
  skills: ['idempotency', 'api-design'],
  timeBudgetMinutes: 40,
  prompt: 'Design POST /payments so that a client retrying after a timeout never charges the customer twice.',
  whyAsked: long('Retries after timeouts are the normal case for payment APIs.'),
  approach: [
    { step: 'Clarify the retry model', detail: long('Ask who retries, how long keys live and what the processor guarantees.') },
    { step: 'Store an idempotency key', detail: long('Insert the key in the same transaction as the payment row under a unique constraint.') },
    { step: 'Handle the unknown outcome', detail: long('When the processor times out, query it before deciding the payment failed.') },
  ],
  rubric: [
    {
      id: 'unique-key',
      weight: 5,
      point: 'Stores the idempotency key under a unique constraint in the same transaction as the payment, so a retry finds the first result.',
      signals: ['unique constraint on the idempotency key', 'same transaction as the payment row', 'return the stored response on retry'],
    },
    {
      id: 'unknown-outcome',
      weight: 4,
      point: 'Treats a processor timeout as unknown, not failed, and reconciles by querying the processor before retrying.',
      signals: ['timeout is unknown not failed', 'query the processor before retrying', 'reconcile with the processor'],
    },
    {
      id: 'request-hash',
      weight: 3,
      point: 'Rejects a reused key whose request body differs, by storing a hash of the request.',
      signals: ['hash of the request body', 'same key with a different body is rejected'],
    },
  ],
  mistakes: [
    {
      id: 'check-then-insert',
      mistake: 'Checks for the key and then inserts, leaving a race between two retries.',
      why: long('Two concurrent retries both see no key and both charge.'),
      recognise: 'A select followed by an insert without a constraint.',
      signals: ['check if the key exists then insert'],
    },
    {
      id: 'trust-client',
      mistake: 'Trusts the client never to retry.',
      why: long('Clients and proxies retry on timeouts by design.'),
      recognise: 'Says retries will not happen.',
      signals: ['trust the client not to retry'],
    },
  ],
  followUps: [
    { question: 'The processor timed out. Did the customer pay? What do you do now?', probes: 'Whether a timeout is treated as unknown outcome.', strongAnswer: long('Mark it pending and query the processor before retrying or failing.') },
    { question: 'A client reuses a key with a different amount. What happens?', probes: 'Whether the request hash is compared.', strongAnswer: long('Compare the stored request hash and reject the mismatch with a conflict.') },
  ],
  hints: ['Think about what the server stores before it calls the processor.'],
  modelAnswer: long('The model answer.').repeat(8),
};

const other: Question = {
  ...payment,
  id: 'backend/test-lru',
  title: 'Implement an LRU cache',
  stage: 'coding-phone-screen',
  prompt: 'Implement get and put for a least-recently-used cache with constant time operations.',
  rubric: [
    { id: 'map-list', weight: 5, point: 'Combines a hash map with a doubly linked list ordered by recency.', signals: ['hash map plus doubly linked list', 'move the node to the front'] },
    { id: 'evict', weight: 4, point: 'Evicts the least recently used entry from the tail and deletes it from the map.', signals: ['evict from the tail', 'delete it from the map'] },
    { id: 'complexity', weight: 3, point: 'States constant time for get and put.', signals: ['constant time', 'o of 1'] },
  ],
};

const scorer = createScorer([payment, other]);

const STRONG = `Before designing I'd ask who retries and for how long keys must live — say 24 hours — and whether the processor supports its own idempotency keys.
The client sends an Idempotency-Key header. I insert the key into an idempotency table in the same transaction as the payment row, with a unique constraint on (merchant, key), so two concurrent retries cannot both succeed: the second insert fails and I return the stored response on retry.
I also store a hash of the request body, because the same key with a different body must be rejected with a 409 rather than silently returning someone else's result.
The dangerous case is a processor timeout: the outcome is unknown, not failed. I mark the payment pending and reconcile with the processor by querying it before retrying, otherwise we could charge twice.
The trade-off is an extra write per request and a table to expire, which is cheap compared with a double charge. At 10x traffic I'd partition the key table by merchant and keep the TTL short.`;

describe('scoring an answer', () => {
  it('is deterministic: the same answer always gets the same result', () => {
    const a = scorer.score(payment, STRONG, 'senior');
    const b = scorer.score(payment, STRONG, 'senior');
    assert.deepEqual(a, b);
    assert.ok(a.score >= 80, `strong answer scored ${String(a.score)}`);
  });

  it('quotes the answer: every hit and mistake is a span of the submitted text', () => {
    const r = scorer.score(payment, STRONG, 'senior');
    assert.equal(r.hits.length, 3);
    for (const h of r.hits) assert.equal(STRONG.slice(h.quote.start, h.quote.end), h.quote.text);
  });

  it('counts a paraphrase without the textbook terms', () => {
    const plain =
      "When the payment provider doesn't reply in time we can't tell whether the money moved, so I'd treat it as unknown, not as failed, and ask the provider about that charge before trying again, otherwise the customer pays twice.";
    const r = scorer.score(payment, plain, 'senior');
    assert.ok(r.hits.some((h) => h.id === 'unknown-outcome'), JSON.stringify(r.misses.map((m) => m.id)));
  });

  it('understands negation: rejecting a mistake is not making it', () => {
    const making = scorer.score(payment, 'I would trust the client not to retry the request, since our mobile app only sends it once, and keep the endpoint simple without any stored keys at all.', 'senior');
    const rejecting = scorer.score(payment, 'I would not trust the client to avoid retrying: proxies and mobile networks retry on timeouts, so the server has to store the key and make the retry harmless.', 'senior');
    assert.ok(making.mistakes.some((m) => m.id === 'trust-client'));
    assert.ok(!rejecting.mistakes.some((m) => m.id === 'trust-client'));
  });

  it('caps a list of buzzwords: vocabulary without reasoning is not an answer', () => {
    const r = scorer.score(payment, 'Idempotency key, unique constraint, same transaction, request hash, processor timeout unknown, reconcile, 409, retries, exactly-once, outbox, Kafka, circuit breaker.', 'senior');
    assert.ok(r.flags.keywordList);
    assert.ok(r.score <= 40, String(r.score));
  });

  it('gives a non-answer and an answer to another question (almost) nothing', () => {
    for (const text of ['fine', 'I would use best practices.', 'It depends on the requirements.']) {
      const r = scorer.score(payment, text, 'senior');
      assert.ok(r.flags.nonAnswer && r.score <= 10, `${text}: ${String(r.score)}`);
    }
    const offTopic = scorer.score(
      payment,
      'For a least recently used cache I combine a hash map with a doubly linked list. On get I move the node to the front; on put I insert at the front and, when over capacity, evict from the tail and delete it from the map. Both operations are constant time because no step scans the list.',
      'senior',
    );
    assert.ok(offTopic.flags.offTopic, JSON.stringify(offTopic.stats));
    assert.ok(offTopic.score <= 15, String(offTopic.score));
  });

  it('aims the follow-up at the biggest gap and calibrates the verdict to the level', () => {
    const partial = 'I would add an idempotency key with a unique constraint on it, written in the same transaction as the payment row, so a retry returns the stored response instead of charging again. At ten times the load I would partition that table.';
    const r = scorer.score(payment, partial, 'senior');
    assert.equal(r.misses[0]?.id, 'unknown-outcome');
    assert.match(r.followUp.question, /timed out/);
    const mid = scorer.score(payment, STRONG, 'mid').verdict;
    const staff = scorer.score(payment, STRONG, 'staff').verdict;
    assert.match(mid, /mid/);
    assert.match(staff, /staff/);
  });

  it('treats code lines as code, not as a list of buzzwords', () => {
    const a = analyzeText('I use a map and a doubly linked list, because both operations must be constant time.\n```ts\nconst node = this.map.get(key);\nif (!node) return undefined;\n```');
    assert.deepEqual(a.sentences.map((s) => s.code), [false, true, true]);
  });
});

describe('spaced repetition (FSRS)', () => {
  it('rates attempts from their score and schedules a weak answer sooner than a strong one', () => {
    assert.deepEqual([10, 50, 70, 95].map(ratingFromScore), ['again', 'hard', 'good', 'easy']);
    const now = new Date('2026-11-28T09:00:00Z');
    const weak = review(null, 20, now);
    const strong = review(null, 95, now);
    assert.ok(new Date(weak.card.due) < new Date(strong.card.due));
    const again = review(strong.card, 95, new Date(strong.card.due));
    assert.ok(new Date(again.card.due) > new Date(strong.card.due), 'a second good review pushes the card further out');
    assert.deepEqual(review(null, 70, now), review(null, 70, now), 'deterministic');
  });
});

describe('sessions, progress and the mock-loop scorecard', () => {
  it('picks one question per stage for a mock loop, unpractised first, and round-robins a practice session', () => {
    const stages = [{ id: 'a' }, { id: 'b' }];
    const candidates = new Map([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
    const history = new Map([['a1', { lastAt: '2026-11-01T00:00:00Z', lastScore: 50 }]]);
    assert.deepEqual(pickMockLoop(stages, candidates, history), [
      { stage: 'a', questionId: 'a2' },
      { stage: 'b', questionId: 'b1' },
    ]);
    assert.deepEqual(pickPractice(stages, candidates, history, 3).map((i) => i.questionId), ['a2', 'b1', 'a1']);
  });

  it('computes trend, mastery, due reviews and readiness per stage', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const card = review(null, 30, new Date('2026-11-27T12:00:00Z')).card;
    const p = computeProgress({
      attempts: [
        { id: '1', questionId: 'q1', score: 30, createdAt: '2026-11-27T12:00:00Z', missedPoints: ['x'], mistakes: [{ id: 'm', mistake: 'M' }] },
        { id: '2', questionId: 'q1', score: 80, createdAt: '2026-11-28T10:00:00Z', missedPoints: [], mistakes: [{ id: 'm', mistake: 'M' }] },
      ],
      cards: [{ questionId: 'q1', card }],
      questions: [
        { id: 'q1', title: 'Q1', stage: 'design', skills: ['caching'] },
        { id: 'q2', title: 'Q2', stage: 'design', skills: ['sql'] },
      ],
      stages: [
        { id: 'design', name: 'Design' },
        { id: 'behavioral', name: 'Behavioral' },
      ],
      now,
    });
    assert.deepEqual(p.trend.map((t) => t.average), [30, 80]);
    assert.equal(p.mastery[0]?.skill, 'caching');
    assert.equal(p.recurringMistakes[0]?.times, 2);
    assert.equal(p.due.length, 1);
    assert.equal(p.readiness.find((r) => r.stage === 'behavioral')?.readiness, 0);
    assert.ok((p.readiness.find((r) => r.stage === 'design')?.readiness ?? 0) > 0);
  });

  it('summarizes progress for a coach’s overview: recent average of the newest attempts, due reviews, readiness', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const stages = [
      { id: 'design', name: 'Design' },
      { id: 'behavioral', name: 'Behavioral' },
    ];
    const questions = [{ id: 'q1', title: 'Q1', stage: 'design', skills: ['caching'] }];
    const none = summarizeProgress(computeProgress({ attempts: [], cards: [], questions, stages, now }));
    assert.deepEqual(none, {
      attempts: 0,
      questionsPractised: 0,
      averageRecentScore: null,
      lastAttemptAt: null,
      dueReviews: 0,
      readiness: { overall: 0, stages: [{ stage: 'design', name: 'Design', readiness: 0 }, { stage: 'behavioral', name: 'Behavioral', readiness: 0 }] },
    });
    // Twelve attempts: the two oldest (score 0) fall outside the recent ten (score 50 each).
    const attempts = Array.from({ length: RECENT_ATTEMPTS + 2 }, (_, i) => ({
      id: String(i).padStart(2, '0'),
      questionId: 'q1',
      score: i < 2 ? 0 : 50,
      createdAt: `2026-11-${String(10 + i)}T12:00:00.000Z`,
      missedPoints: [],
      mistakes: [],
    }));
    const card = review(null, 50, new Date('2026-11-20T12:00:00Z')).card;
    const s = summarizeProgress(computeProgress({ attempts, cards: [{ questionId: 'q1', card }], questions, stages, now }));
    assert.equal(s.attempts, 12);
    assert.equal(s.averageRecentScore, 50);
    assert.equal(s.lastAttemptAt, '2026-11-21T12:00:00.000Z');
    assert.equal(s.dueReviews, 1);
    assert.equal(s.readiness.stages.length, 2);
    assert.equal(s.readiness.overall, Math.round(((s.readiness.stages[0]?.readiness ?? 0) + 0) / 2));
  });

  it('lets one failed stage pull a mock loop below the bar', () => {
    assert.equal(signalFor(85, 'senior'), 'strong-hire');
    const card = scorecard('senior', [
      { stage: 'a', name: 'A', questionId: 'qa', score: 95 },
      { stage: 'b', name: 'B', questionId: 'qb', score: 95 },
      { stage: 'c', name: 'C', questionId: 'qc', score: 30 },
    ]);
    assert.equal(card.overall.signal, 'lean-no-hire');
    assert.match(card.overall.summary, /weakest: C/);
  });
});
