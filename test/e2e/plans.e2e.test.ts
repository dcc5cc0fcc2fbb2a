import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/app.js';

let t: TestServer;
let posting: string;
before(async () => {
  t = await startTestServer();
  posting = await readFile(join(import.meta.dirname, '..', 'fixtures', 'posting-payments.md'), 'utf8');
});
after(async () => {
  await t.close();
});

const inDays = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const post = (payload: unknown) => t.api.inject({ method: 'POST', url: '/api/plans', payload: payload as Record<string, unknown> });
const message = (body: string): string => (JSON.parse(body) as { error: { message: string } }).error.message;

describe('POST /api/plans', () => {
  it('stores the posting with its analysis and plan, and lists and reads it back', async () => {
    const res = await post({ text: posting, interviewDate: inDays(20) });
    assert.equal(res.statusCode, 201, res.body);
    const rec = res.json<{ id: string; role: string; level: string; plan: { stages: { stage: string; questions: { id: string; why: string }[] }[]; gaps: unknown[] }; markdown: string; analysis: { skills: { name: string }[] } }>();
    assert.equal(rec.role, 'backend');
    assert.equal(rec.level, 'senior');
    assert.ok(rec.analysis.skills.some((s) => s.name === 'PostgreSQL'));
    const design = rec.plan.stages.find((s) => s.stage === 'system-design');
    assert.ok(design && design.questions.length > 0);
    assert.ok(rec.plan.stages.some((s) => s.questions.some((q) => q.why.includes('“'))), 'a why quotes the posting');
    assert.match(rec.markdown, /^# Prep plan/);
    const list = (await t.api.inject({ method: 'GET', url: '/api/plans' })).json<{ items: { id: string }[] }>();
    assert.ok(list.items.some((i) => i.id === rec.id));
    const got = await t.api.inject({ method: 'GET', url: `/api/plans/${rec.id}` });
    assert.equal(got.statusCode, 200);
    assert.equal(got.json<{ id: string }>().id, rec.id);
    assert.equal((await t.api.inject({ method: 'DELETE', url: `/api/plans/${rec.id}` })).statusCode, 204);
    assert.equal((await t.api.inject({ method: 'GET', url: `/api/plans/${rec.id}` })).statusCode, 404);
  });

  it('reads an uploaded HTML file', async () => {
    const html = `<html><body><h1>Senior Backend Engineer</h1>${posting.split('\n').map((l) => `<p>${l}</p>`).join('')}</body></html>`;
    const res = await post({ file: { name: 'job.html', contentBase64: Buffer.from(html).toString('base64') } });
    assert.equal(res.statusCode, 201, res.body);
  });

  it('answers bad postings with a clear 4xx', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ text: '   ' }, 400, /empty/],
      [{ text: 'Senior engineer wanted now' }, 400, /words/],
      [{}, 400, /"text" or as "file"/],
      [{ text: posting, interviewDate: '2020-01-01' }, 400, /past/],
      [{ text: posting, interviewDate: 'soon' }, 400, /interviewDate/],
      [{ file: { name: 'job.exe', contentBase64: Buffer.from('MZ...').toString('base64') } }, 415, /\.exe files are not supported/],
      [{ file: { name: 'job.pdf', contentBase64: Buffer.from('not a pdf at all').toString('base64') } }, 400, /not a PDF/],
      [{ text: 'Buscamos un desarrollador con experiencia en Python y bases de datos para unirse a nuestro equipo de trabajo. Es importante tener conocimientos de la nube y de los sistemas distribuidos.' }, 400, /Spanish/],
      [{ text: 'x '.repeat(600_000) }, 413, /1 MB/],
    ];
    for (const [payload, status, re] of cases) {
      const res = await post(payload);
      assert.equal(res.statusCode, status, `${JSON.stringify(payload).slice(0, 60)} → ${res.body.slice(0, 200)}`);
      assert.match(message(res.body), re);
    }
  });

  it('answers an unknown or malformed plan id with 404 or 400', async () => {
    assert.equal((await t.api.inject({ method: 'GET', url: '/api/plans/00000000-0000-4000-8000-000000000000' })).statusCode, 404);
    const bad = await t.api.inject({ method: 'GET', url: '/api/plans/not-a-uuid' });
    assert.equal(bad.statusCode, 400);
    assert.match(message(bad.body), /id/);
  });
});
