import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { aContentDir, aQuestion, minimalContent } from '../support/builders.js';

const root = join(import.meta.dirname, '..', '..');
let dataDir: string;
let badContent: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}, input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
      cwd: root,
      env: { ...process.env, LOOPCOACH_DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'loopcoach-cli-'));
  badContent = await aContentDir({
    ...minimalContent(),
    'questions/testing/broken.md': aQuestion({ id: 'testing/broken', rubric: [] }),
  });
});
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(badContent, { recursive: true, force: true });
});

describe('loopcoach content check', () => {
  it('passes the shipped content', async () => {
    const r = await cli(['content', 'check']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /content OK: \d+ role guides, \d+ questions/);
  });

  it('reports every problem as file:line: field: message and exits non-zero', async () => {
    const r = await cli(['content', 'check', badContent]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /questions\/testing\/broken\.md:\d+: rubric: /);
    assert.match(r.stderr, /1 problem\(s\)/);
  });
});

describe('loopcoach questions and guide', () => {
  it('prints complete question objects as a JSON array with --json', async () => {
    const r = await cli(['questions', '--role', 'backend', '--stage', 'concurrency-consistency', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const items = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.ok(items.length >= 5);
    for (const q of items) {
      for (const field of ['id', 'title', 'roles', 'stage', 'levels', 'difficulty', 'skills', 'timeBudgetMinutes', 'prompt', 'whyAsked', 'approach', 'rubric', 'mistakes', 'followUps', 'hints', 'modelAnswer']) {
        assert.ok(field in q, `${String(q.id)} lacks ${field}`);
      }
      assert.equal(q.stage, 'concurrency-consistency');
    }
  });

  it('searches and filters by level', async () => {
    const r = await cli(['questions', '--search', 'isolation levels', '--level', 'mid', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((q) => q.id);
    assert.ok(ids.includes('backend/isolation-levels'), ids.join());
  });

  it('prints the backend guide as text and as JSON', async () => {
    const text = await cli(['guide', 'backend']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /Backend Developer/);
    assert.match(text.stdout, /The loop/);
    const json = await cli(['guide', 'backend', '--json']);
    const guide = JSON.parse(json.stdout) as { id: string; stages: unknown[] };
    assert.equal(guide.id, 'backend');
    assert.ok(guide.stages.length >= 6);
  });

  it('answers an unknown role with one line and a non-zero exit', async () => {
    const r = await cli(['guide', 'astronaut']);
    assert.notEqual(r.code, 0);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /role guide "astronaut" not found/);
  });

  it('rejects a bad option value with one line and a non-zero exit', async () => {
    const level = await cli(['questions', '--level', 'wizard']);
    assert.notEqual(level.code, 0);
    assert.match(level.stderr, /wizard/);
    const stage = await cli(['questions', '--stage', 'Not A Stage']);
    assert.notEqual(stage.code, 0);
    assert.match(stage.stderr, /^loopcoach: --stage: /);
    assert.equal(stage.stderr.trim().split('\n').length, 1);
  });
});

describe('loopcoach serve', () => {
  it('refuses to start on invalid content, naming the file, instead of serving part of it', async () => {
    const r = await cli(['serve', '--port', '0'], { LOOPCOACH_CONTENT_DIR: badContent });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /refusing to serve part of it/);
    assert.match(r.stderr, /broken\.md:\d+: rubric/);
  });

  it('rejects a port that is not a number', async () => {
    const r = await cli(['serve', '--port', 'abc']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /--port/);
  });
});

describe('loopcoach analyze and prep', () => {
  const fixture = join(root, 'test', 'fixtures', 'posting-payments.md');

  it('analyze --jd FILE --json prints role, level and skills with canonical names', async () => {
    const r = await cli(['analyze', '--jd', fixture, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const a = JSON.parse(r.stdout) as { role: string; level: string; skills: { name: string; required: boolean }[] };
    assert.equal(a.role, 'backend');
    assert.equal(a.level, 'senior');
    const names = a.skills.map((s) => s.name);
    for (const n of ['Go', 'PostgreSQL', 'Kafka', 'AWS', 'Kubernetes']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
    assert.equal(a.skills.find((s) => s.name === 'Terraform')?.required, false);
  });

  it('analyze --jd - reads standard input', async () => {
    const text = await readFile(fixture, 'utf8');
    const r = await cli(['analyze', '--jd', '-', '--json'], {}, text);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { role: string }).role, 'backend');
  });

  it('analyze --batch writes one line per input line and an error line for a bad one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loopcoach-batch-'));
    const text = await readFile(fixture, 'utf8');
    const file = join(dir, 'in.jsonl');
    await writeFile(file, [JSON.stringify({ id: 'a', description: text }), '{not json', JSON.stringify({ id: 'c', description: '' }), JSON.stringify({ id: 'd', title: 'Data Engineer', description: text })].join('\n'));
    const r = await cli(['analyze', '--batch', file]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string | null; role?: string; error?: string; skills?: { name: string }[] });
    assert.equal(lines.length, 4);
    const [first] = lines;
    assert.ok(first);
    assert.equal(first.role, 'backend');
    assert.ok((first.skills ?? []).some((s) => s.name === 'Go'));
    assert.match(lines[1]?.error ?? '', /not valid JSON/);
    assert.deepEqual([lines[2]?.id, lines[2]?.error], ['c', 'the posting is empty']);
    assert.equal(lines[3]?.role, 'data-engineering');
    await rm(dir, { recursive: true, force: true });
  });

  it('analyze rejects bad input with one line and a non-zero exit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loopcoach-bad-'));
    await writeFile(join(dir, 'a.xlsx'), 'x');
    await writeFile(join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3, 255, 254]));
    for (const [args, input, re] of [
      [['analyze', '--jd', join(dir, 'a.xlsx')], undefined, /\.xlsx files are not supported/],
      [['analyze', '--jd', join(dir, 'bin.txt')], undefined, /not valid UTF-8|binary/],
      [['analyze', '--jd', join(dir, 'missing.txt')], undefined, /no such file/],
      [['analyze', '--jd', '-'], '   \n', /empty/],
      [['analyze'], undefined, /--jd/],
    ] as [string[], string | undefined, RegExp][]) {
      const r = await cli(args, {}, input);
      assert.notEqual(r.code, 0, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, re);
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('prep --format json has stages with ranked questions and why, and gaps', async () => {
    const r = await cli(['prep', '--jd', fixture, '--date', new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const p = JSON.parse(r.stdout) as { stages: { stage: string; questions: { id: string; skills: string[]; why: string }[] }[]; gaps: unknown[] };
    assert.ok(p.stages.length >= 5);
    for (const s of p.stages) for (const q of s.questions) assert.ok(q.id && Array.isArray(q.skills) && q.why.length > 10);
    assert.ok(Array.isArray(p.gaps));
    const md = await cli(['prep', '--jd', fixture]);
    assert.match(md.stdout, /^# Prep plan/);
    const past = await cli(['prep', '--jd', fixture, '--date', '2001-01-01']);
    assert.notEqual(past.code, 0);
    assert.match(past.stderr, /past/);
  });
});

describe('practice from the command line', () => {
  const answer =
    'I would put a token bucket per API key in Redis, because it allows short bursts while bounding the average rate. The check and decrement must be atomic, so a Lua script does both; otherwise two gateways race and both admit the request.';

  it('score --json prints the score, dimensions, hits, misses, mistakes and follow-up', async () => {
    const r = await cli(['score', '--question', 'backend/rate-limiter-design', '--answer-file', '-', '--json'], {}, answer);
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout) as { score: number; dimensions: unknown[]; hits: { quote: { text: string } }[]; misses: unknown[]; mistakes: unknown[]; followUp: { question: string } };
    assert.ok(s.score > 0 && s.score <= 100);
    assert.ok(s.dimensions.length >= 4 && s.hits.length > 0 && s.misses.length > 0 && Array.isArray(s.mistakes));
    assert.ok(answer.includes(s.hits[0]?.quote.text ?? '∅'));
    assert.ok(s.followUp.question.length > 10);
    const again = await cli(['score', '--question', 'backend/rate-limiter-design', '--answer-file', '-', '--json'], {}, answer);
    assert.equal(again.stdout, r.stdout, 'deterministic');
  });

  it('score rejects bad input with one line and a non-zero exit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loopcoach-score-'));
    await writeFile(join(dir, 'bad.txt'), Buffer.from([0x49, 0x20, 0xff, 0xfe, 0x21]));
    await writeFile(join(dir, 'huge.txt'), 'word '.repeat(20_000));
    for (const [args, input, re] of [
      [['score', '--question', 'backend/no-such-question', '--answer-file', '-'], answer, /question "backend\/no-such-question" not found/],
      [['score', '--question', 'backend/rate-limiter-design', '--answer-file', '-'], '  \n', /empty/],
      [['score', '--question', 'backend/rate-limiter-design', '--answer-file', join(dir, 'bad.txt')], undefined, /not valid UTF-8/],
      [['score', '--question', 'backend/rate-limiter-design', '--answer-file', join(dir, 'huge.txt')], undefined, /limit is 20000/],
      [['score', '--question', 'backend/rate-limiter-design', '--answer-file', join(dir, 'missing.txt')], undefined, /no such file/],
    ] as [string[], string | undefined, RegExp][]) {
      const r = await cli(args, {}, input);
      assert.notEqual(r.code, 0, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, re);
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('practice --mode mock runs the loop from piped answers and prints a scorecard; review walks what is due', async () => {
    const input = `${answer}\n.\n:skip\n:quit\n`;
    const r = await cli(['practice', '--role', 'backend', '--mode', 'mock', '--level', 'senior'], {}, input);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Mock loop/);
    assert.match(r.stdout, /Score \d+\/100/);
    assert.match(r.stdout, /Model answer:/);
    assert.match(r.stdout, /Scorecard/);
    assert.match(r.stdout, /Overall:/);
    const hints = await cli(['practice', '--role', 'backend', '--count', '1'], {}, ':hint\n:quit\n');
    assert.equal(hints.code, 0, hints.stderr);
    assert.match(hints.stdout, /hint 1\//);
    const review = await cli(['review'], {}, ':quit\n');
    assert.equal(review.code, 0, review.stderr);
    assert.match(review.stdout, /Nothing due|review/);
  });
});

describe('loopcoach own: your own questions and role guides', () => {
  const shipped = (path: string) => readFile(join(root, 'content', path), 'utf8');

  it('adds a question and a role guide from Markdown, lists, shows, scores, replaces and removes them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loopcoach-own-'));
    try {
      const question = (await shipped('questions/backend/rate-limiter-design.md'))
        .replace(/^id: .*$/m, 'slug: partner-api-limits')
        .replace(/^title: .*$/m, 'title: Rate-limit the partner API we sell by the request');
      await writeFile(join(dir, 'q.md'), question);
      const guide = (await shipped('roles/backend.md')).replace(/^id: .*$/m, 'slug: payments-backend').replace(/^title: .*$/m, 'title: Payments backend at our company');
      await writeFile(join(dir, 'g.md'), guide);

      let r = await cli(['own', 'add', join(dir, 'q.md')]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /added question org\/partner-api-limits: Rate-limit the partner API/);
      r = await cli(['own', 'add', join(dir, 'g.md')]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /added role guide org-payments-backend/);

      r = await cli(['own', 'list', '--json']);
      assert.equal(r.code, 0, r.stderr);
      const listed = JSON.parse(r.stdout) as { questions: { id: string }[]; guides: { id: string }[] };
      assert.deepEqual(listed.questions.map((q) => q.id), ['org/partner-api-limits']);
      assert.deepEqual(listed.guides.map((g) => g.id), ['org-payments-backend']);

      // Beside the shipped questions in search, and scored like them.
      r = await cli(['questions', '--search', 'partner API']);
      assert.match(r.stdout, /org\/partner-api-limits/);
      await writeFile(join(dir, 'a.txt'), 'A token bucket per API key in Redis, updated atomically with a Lua script; reject with 429 and Retry-After.');
      r = await cli(['score', '--question', 'org/partner-api-limits', '--answer-file', join(dir, 'a.txt'), '--json']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok((JSON.parse(r.stdout) as { score: number }).score > 0);

      // show prints Markdown that adds back with --replace.
      r = await cli(['own', 'show', 'org/partner-api-limits']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^---\nslug: partner-api-limits\ntitle: Rate-limit the partner API/);
      await writeFile(join(dir, 'back.md'), r.stdout.replace('title: Rate-limit the partner API we sell by the request', 'title: Rate-limit the partner API, per customer'));
      r = await cli(['own', 'add', join(dir, 'back.md'), '--replace']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /replaced question org\/partner-api-limits: Rate-limit the partner API, per customer/);

      // A second add of the same slug, a broken file, a missing file, a shipped id: one line, non-zero.
      r = await cli(['own', 'add', join(dir, 'q.md')]);
      assert.equal(r.code, 4);
      assert.match(r.stderr, /already has a question "org\/partner-api-limits"/);
      await writeFile(join(dir, 'bad.md'), question.replace(/^stage: .*$/m, 'stage: lunch'));
      r = await cli(['own', 'add', join(dir, 'bad.md'), '--kind', 'question']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /stage "lunch" is not in the backend loop/);
      r = await cli(['own', 'add', join(dir, 'missing.md')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /no such file/);
      r = await cli(['own', 'remove', 'backend/rate-limiter-design']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /is not one of yours/);

      r = await cli(['own', 'remove', 'org/partner-api-limits']);
      assert.equal(r.code, 0, r.stderr);
      r = await cli(['own', 'remove', 'org-payments-backend']);
      assert.equal(r.code, 0, r.stderr);
      r = await cli(['own', 'list', '--json']);
      assert.deepEqual(JSON.parse(r.stdout), { questions: [], guides: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
