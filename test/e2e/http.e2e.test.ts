import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { webDistDir } from '../../src/infra/paths.js';
import { startTestServer, type TestServer } from '../support/app.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(async () => {
  await t.close();
});

const get = async (url: string) => {
  const res = await t.api.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json<Record<string, unknown>>(), headers: res.headers };
};
const errorMessage = (body: Record<string, unknown>): string => (body.error as { message: string }).message;

describe('health', () => {
  it('answers liveness and readiness with the database kind and content counts', async () => {
    assert.deepEqual((await get('/healthz')).body, { status: 'ok' });
    const ready = await get('/readyz');
    assert.equal(ready.status, 200);
    assert.equal(ready.body.status, 'ready');
    assert.equal(ready.body.database, 'pglite');
    assert.ok((ready.body.questions as number) >= 40);
  });
});

describe('role guides', () => {
  it('lists guides with counts, backend among them', async () => {
    const { status, body } = await get('/api/roles');
    assert.equal(status, 200);
    const items = body.items as { id: string; questionCount: number }[];
    const backend = items.find((r) => r.id === 'backend');
    assert.ok(backend && backend.questionCount >= 40);
  });

  it('returns the complete backend guide: six core stages plus the senior platform round, tips, FAQ, related roles', async () => {
    const { status, body } = await get('/api/roles/backend');
    assert.equal(status, 200);
    const stages = body.stages as { id: string; levels: string[]; durationMinutes: number; questions: unknown[] }[];
    for (const id of ['recruiter-screen', 'coding-phone-screen', 'api-schema-design', 'system-design', 'concurrency-consistency', 'behavioral']) {
      const s = stages.find((x) => x.id === id);
      assert.ok(s, `missing stage ${id}`);
      assert.ok(s.questions.length >= 5, `${id} has ${String(s.questions.length)} questions`);
    }
    const platform = stages.find((s) => s.id === 'platform-architecture');
    assert.ok(platform);
    assert.ok(!platform.levels.includes('mid') && platform.levels.includes('senior') && platform.levels.includes('staff'));
    assert.equal(stages.find((s) => s.id === 'coding-phone-screen')?.durationMinutes, 60);
    assert.ok((body.tips as unknown[]).length >= 3);
    assert.ok((body.faq as unknown[]).length >= 3);
    assert.ok((body.relatedRoles as unknown[]).length >= 1);
    const summary = (stages[0]?.questions[0] ?? {}) as Record<string, unknown>;
    assert.equal('modelAnswer' in summary, false, 'the guide does not give away model answers');
  });

  it('answers an unknown role with 404 and a JSON message', async () => {
    const { status, body } = await get('/api/roles/astronaut');
    assert.equal(status, 404);
    assert.match(errorMessage(body), /role guide "astronaut" not found/);
  });
});

describe('questions', () => {
  it('accepts a URL-encoded id with a slash, and the plain path form too', async () => {
    const encoded = await get('/api/questions/backend%2Fidempotent-payment-api');
    assert.equal(encoded.status, 200);
    assert.equal(encoded.body.id, 'backend/idempotent-payment-api');
    const plain = await get('/api/questions/backend/idempotent-payment-api');
    assert.deepEqual(plain.body, encoded.body);
    for (const field of ['approach', 'rubric', 'mistakes', 'followUps', 'hints', 'prompt', 'timeBudgetMinutes']) assert.ok(field in encoded.body, field);
    assert.equal('modelAnswer' in encoded.body, false);
  });

  it('serves the model answer from its own endpoint', async () => {
    const { status, body } = await get('/api/questions/backend%2Fisolation-levels/model-answer');
    assert.equal(status, 200);
    assert.ok((body.modelAnswer as string).length > 400);
  });

  it('answers an unknown question with 404', async () => {
    const { status, body } = await get('/api/questions/backend%2Fno-such-question');
    assert.equal(status, 404);
    assert.match(errorMessage(body), /question "backend\/no-such-question" not found/);
  });

  it('filters by role, stage, level, difficulty and skill, and searches full text', async () => {
    const { body } = await get('/api/questions?role=backend&stage=system-design&level=senior');
    const items = body.items as { stage: string; levels: string[] }[];
    assert.ok(items.length >= 5);
    assert.ok(items.every((q) => q.stage === 'system-design' && q.levels.includes('senior')));
    const search = await get('/api/questions?q=rate%20limit');
    assert.equal((search.body.items as { id: string }[])[0]?.id, 'backend/rate-limiter-design');
    const skill = await get('/api/questions?skill=postgresql');
    assert.ok((skill.body.items as { skills: string[] }[]).every((q) => q.skills.includes('postgresql')));
  });

  it('answers a bad query parameter with 400 naming it', async () => {
    const level = await get('/api/questions?level=wizard');
    assert.equal(level.status, 400);
    assert.match(errorMessage(level.body), /level/);
    const unknown = await get('/api/questions?colour=blue');
    assert.equal(unknown.status, 400);
    assert.match(errorMessage(unknown.body), /colour/);
    const limit = await get('/api/questions?limit=0');
    assert.equal(limit.status, 400);
    assert.match(errorMessage(limit.body), /limit/);
    const q = await get('/api/questions?q=%26%26%21');
    assert.equal(q.status, 400);
    assert.match(errorMessage(q.body), /^q:/);
    const stage = await get('/api/questions?stage=System%20Design');
    assert.equal(stage.status, 400);
    assert.match(errorMessage(stage.body), /stage/);
  });
});

describe('question facets and lenient empty parameters', () => {
  it('counts questions per role, stage (with its name), level, difficulty and skill', async () => {
    const { status, body } = await get('/api/questions/facets');
    assert.equal(status, 200);
    const stages = body.stages as { id: string; name: string; count: number }[];
    const design = stages.find((s) => s.id === 'system-design');
    assert.ok(design && design.count >= 5 && design.name !== design.id);
    const levels = (body.levels as { id: string }[]).map((l) => l.id);
    assert.deepEqual(levels, [...levels].sort((a, b) => ['intern', 'entry', 'mid', 'senior', 'staff', 'principal', 'manager'].indexOf(a) - ['intern', 'entry', 'mid', 'senior', 'staff', 'principal', 'manager'].indexOf(b)));
    const all = (await get('/api/questions?limit=200')).body.total as number;
    assert.equal(body.total, all);
    const backend = await get('/api/questions/facets?role=backend');
    assert.ok((backend.body.roles as { id: string; title: string }[]).some((r) => r.id === 'backend' && r.title === 'Backend Developer'));
  });

  it('treats an empty parameter as not set', async () => {
    const { status, body } = await get('/api/questions?q=&stage=&level=');
    assert.equal(status, 200);
    assert.ok((body.total as number) >= 40);
  });

  it('does not let a one-letter word match every question', async () => {
    const all = (await get('/api/questions')).body.total as number;
    const { body } = await get('/api/questions?q=a');
    assert.ok((body.total as number) < all);
  });
});

describe('saved questions (tenant data)', () => {
  it('saves with no body at all (the note defaults to empty)', async () => {
    const res = await t.api.inject({ method: 'PUT', url: '/api/saved/backend%2Flru-cache' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<{ note: string }>().note, '');
    await t.api.inject({ method: 'DELETE', url: '/api/saved/backend%2Flru-cache' });
  });

  it('saves, lists, replaces the note, and removes', async () => {
    const url = '/api/saved/backend%2Fcache-invalidation';
    const put = await t.api.inject({ method: 'PUT', url, payload: { note: 'review TTL races' } });
    assert.equal(put.statusCode, 200);
    const again = await t.api.inject({ method: 'PUT', url, payload: { note: 'second note' } });
    assert.equal(again.json<{ note: string }>().note, 'second note');
    const list = (await get('/api/saved')).body.items as { questionId: string }[];
    assert.deepEqual(list.map((s) => s.questionId), ['backend/cache-invalidation']);
    assert.equal((await t.api.inject({ method: 'DELETE', url })).statusCode, 204);
    assert.equal((await t.api.inject({ method: 'DELETE', url })).statusCode, 404);
  });

  it('rejects an unknown question, a malformed body and a wrong content type with 4xx', async () => {
    const unknown = await t.api.inject({ method: 'PUT', url: '/api/saved/backend%2Fnope', payload: {} });
    assert.equal(unknown.statusCode, 404);
    const badJson = await t.api.inject({ method: 'PUT', url: '/api/saved/backend%2Fcache-invalidation', headers: { 'content-type': 'application/json' }, payload: '{"note":' });
    assert.equal(badJson.statusCode, 400);
    const longNote = await t.api.inject({ method: 'PUT', url: '/api/saved/backend%2Fcache-invalidation', payload: { note: 'x'.repeat(2001) } });
    assert.equal(longNote.statusCode, 400);
    assert.match(longNote.json<{ error: { message: string } }>().error.message, /note/);
    const text = await t.api.inject({ method: 'PUT', url: '/api/saved/backend%2Fcache-invalidation', headers: { 'content-type': 'text/plain' }, payload: 'hi' });
    assert.equal(text.statusCode, 415);
  });
});

describe('API description and fallbacks', () => {
  it('publishes OpenAPI 3.1 covering the public routes', async () => {
    const { status, body } = await get('/api/openapi.json');
    assert.equal(status, 200);
    assert.equal(body.openapi, '3.1.0');
    const paths = Object.keys(body.paths as object);
    for (const p of ['/api/roles', '/api/roles/{role}', '/api/questions', '/api/questions/{id}', '/healthz', '/readyz']) assert.ok(paths.includes(p), p);
    const docs = await t.api.inject({ method: 'GET', url: '/docs' });
    assert.ok([200, 302].includes(docs.statusCode));
  });

  it('serves the app shell at / and for client routes, and a plain 404 for a missing asset', async () => {
    const webBuilt = existsSync(join(webDistDir(), 'index.html'));
    for (const url of ['/', '/roles/backend', '/saved']) {
      const res = await t.api.inject({ method: 'GET', url });
      if (webBuilt) {
        assert.equal(res.statusCode, 200, url);
        assert.match(String(res.headers['content-type']), /html/, url);
      } else assert.match(res.body, /not built/, url);
    }
    const shell = await t.api.inject({ method: 'GET', url: '/roles/backend' });
    const asset = await t.api.inject({ method: 'GET', url: '/assets/missing-1234.js' });
    assert.equal(asset.statusCode, 404);
    assert.doesNotMatch(String(asset.headers['content-type']), /html/);
    // Without a built UI the shell route explains how to build it; with one it is HTML.
    assert.ok(shell.statusCode === 200 ? /html/.test(String(shell.headers['content-type'])) : /not built/.test(shell.body));
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const { status, body } = await get('/api/nothing-here');
    assert.equal(status, 404);
    assert.match(errorMessage(body), /no route GET \/api\/nothing-here/);
  });
});
