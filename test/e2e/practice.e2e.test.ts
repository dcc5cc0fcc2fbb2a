import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/app.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(async () => {
  await t.close();
});

const ANSWER =
  'First I would ask how many requests per second we expect and whether the limit is per API key or per tenant. I would use a token bucket per key in Redis, because it allows short bursts while bounding the average rate, and do the check-and-decrement atomically in a Lua script so two gateways cannot both admit the last token. If Redis is slow or down I would fail open with a local in-memory limiter for capacity limits, behind a tight timeout and a circuit breaker, so the limiter never becomes the outage. Clients get a 429 with Retry-After. At 10x I would shard the keys and lease batches of tokens to each gateway, accepting a little overshoot.';

const message = (body: string): string => (JSON.parse(body) as { error: { message: string } }).error.message;
const attempt = (payload: unknown, key: string | null = randomUUID(), contentType = 'application/json') =>
  t.api.inject({
    method: 'POST',
    url: '/api/attempts',
    headers: { ...(key === null ? {} : { 'idempotency-key': key }), 'content-type': contentType },
    payload: typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload),
  });

describe('POST /api/attempts', () => {
  it('scores the answer, records it once per Idempotency-Key and schedules a review', async () => {
    const key = randomUUID();
    const first = await attempt({ questionId: 'backend/rate-limiter-design', answer: ANSWER }, key);
    assert.equal(first.statusCode, 201, first.body);
    const rec = first.json<{ id: string; score: number; result: { hits: { quote: { start: number; end: number; text: string } }[]; followUp: { question: string } }; review: { due: string }; modelAnswer: string }>();
    assert.ok(rec.score >= 60, `score ${String(rec.score)}`);
    for (const h of rec.result.hits) assert.equal(ANSWER.slice(h.quote.start, h.quote.end), h.quote.text);
    assert.ok(rec.result.followUp.question.length > 10);
    assert.ok(rec.modelAnswer.length > 200);
    const retry = await attempt({ questionId: 'backend/rate-limiter-design', answer: ANSWER }, key);
    assert.equal(retry.statusCode, 200);
    assert.equal(retry.headers['idempotent-replayed'], 'true');
    assert.equal(retry.json<{ id: string }>().id, rec.id);
    const list = (await t.api.inject({ method: 'GET', url: '/api/attempts?questionId=backend/rate-limiter-design' })).json<{ items: { id: string }[] }>();
    assert.equal(list.items.filter((i) => i.id === rec.id).length, 1);
    const reused = await attempt({ questionId: 'backend/rate-limiter-design', answer: `${ANSWER} Also caching.` }, key);
    assert.equal(reused.statusCode, 409);
    assert.match(message(reused.body), /Idempotency-Key/);
  });

  it('answers bad input with a clear 4xx, never a crash', async () => {
    const cases: [number, RegExp, Awaited<ReturnType<typeof attempt>>][] = [
      [400, /idempotency-key/i, await attempt({ questionId: 'backend/rate-limiter-design', answer: ANSWER }, null)],
      [400, /answer: must not be empty/, await attempt({ questionId: 'backend/rate-limiter-design', answer: '   ' })],
      [400, /answer: must be at most 20000 characters/, await attempt({ questionId: 'backend/rate-limiter-design', answer: 'x'.repeat(100_000) })],
      [404, /question "backend\/no-such-question" not found/, await attempt({ questionId: 'backend/no-such-question', answer: ANSWER })],
      [400, /not valid UTF-8/, await attempt(Buffer.concat([Buffer.from('{"questionId":"backend/rate-limiter-design","answer":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]))],
      [400, /JSON/i, await attempt('{"questionId": ')],
      [415, /./, await attempt('answer=hi', randomUUID(), 'text/plain')],
      [404, /session/, await attempt({ questionId: 'backend/rate-limiter-design', answer: ANSWER, sessionId: randomUUID() })],
    ];
    for (const [status, re, res] of cases) {
      assert.equal(res.statusCode, status, res.body);
      assert.match(message(res.body), re);
    }
  });
});

describe('POST /api/score', () => {
  it('scores without recording, the same way every time', async () => {
    const score = () => t.api.inject({ method: 'POST', url: '/api/score', payload: { questionId: 'backend/rate-limiter-design', answer: ANSWER, level: 'staff' } });
    const [a, b] = [await score(), await score()];
    assert.equal(a.statusCode, 200, a.body);
    assert.deepEqual(a.json(), b.json());
    assert.match(a.json<{ verdict: string }>().verdict, /staff/);
    const short = await t.api.inject({ method: 'POST', url: '/api/score', payload: { questionId: 'backend/rate-limiter-design', answer: 'fine' } });
    assert.ok(short.json<{ score: number; flags: { nonAnswer: boolean } }>().score <= 10);
  });
});

describe('sessions, mock loops, reviews and progress', () => {
  it('runs a mock loop for a role and reports a scorecard, due reviews and progress', async () => {
    const created = await t.api.inject({ method: 'POST', url: '/api/sessions', payload: { mode: 'mock', role: 'backend', level: 'senior' } });
    assert.equal(created.statusCode, 201, created.body);
    const s = created.json<{ id: string; items: { stage: string; questionId: string }[] }>();
    const first = s.items[0];
    assert.ok(first);
    const a = await attempt({ questionId: first.questionId, answer: ANSWER, mode: 'mock', sessionId: s.id });
    assert.equal(a.statusCode, 201, a.body);
    const card = await t.api.inject({ method: 'GET', url: `/api/mock-loops/${s.id}/scorecard` });
    assert.equal(card.statusCode, 200, card.body);
    const sc = card.json<{ stages: { score: number | null }[]; overall: { summary: string } }>();
    assert.notEqual(sc.stages[0]?.score, null);
    assert.match(sc.overall.summary, /1 of \d+ stages/);
    const finished = await t.api.inject({ method: 'POST', url: `/api/sessions/${s.id}/finish` });
    assert.equal(finished.json<{ status: string }>().status, 'finished');
    const late = await attempt({ questionId: first.questionId, answer: ANSWER, mode: 'mock', sessionId: s.id });
    assert.equal(late.statusCode, 409);
    assert.match(message(late.body), /finished/);
    const read = await t.api.inject({ method: 'GET', url: `/api/attempts/${a.json<{ id: string }>().id}` });
    assert.notEqual(read.json<{ review: unknown }>().review, null, 'reading an attempt back shows the question’s schedule');

    const due = await t.api.inject({ method: 'GET', url: '/api/reviews/due' });
    assert.equal(due.statusCode, 200);
    assert.ok(due.json<{ upcoming: unknown[] }>().upcoming.length > 0);
    const progress = await t.api.inject({ method: 'GET', url: '/api/progress?role=backend' });
    assert.equal(progress.statusCode, 200, progress.body);
    const p = progress.json<{ attempts: number; trend: unknown[]; readiness: { stage: string }[]; mastery: unknown[] }>();
    assert.ok(p.attempts >= 2 && p.trend.length >= 1 && p.mastery.length > 0);
    assert.ok(p.readiness.some((r) => r.stage === 'system-design'));
  });

  it('answers bad session requests with a 4xx', async () => {
    const both = await t.api.inject({ method: 'POST', url: '/api/sessions', payload: { mode: 'practice' } });
    assert.equal(both.statusCode, 400);
    assert.match(message(both.body), /planId or role/);
    const role = await t.api.inject({ method: 'POST', url: '/api/sessions', payload: { role: 'astronaut' } });
    assert.equal(role.statusCode, 404);
    const bad = await t.api.inject({ method: 'GET', url: '/api/sessions/not-a-uuid' });
    assert.equal(bad.statusCode, 400);
    assert.equal((await t.api.inject({ method: 'GET', url: `/api/sessions/${randomUUID()}` })).statusCode, 404);
  });
});
