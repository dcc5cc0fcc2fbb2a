/** Local mode is unchanged by accounts: one user, no login, no auth routes, loopback only. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolveConfig } from '../../src/infra/config.js';
import { startTestServer, type TestServer } from '../support/app.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(async () => {
  await t.close();
});

describe('local mode', () => {
  it('reads and writes the user’s own data without signing in', async () => {
    const created = await t.api.inject({ method: 'POST', url: '/api/plans', payload: { text: 'Senior Backend Engineer\n\nGo and PostgreSQL on AWS.' } });
    assert.equal(created.statusCode, 201, created.body);
    const list = await t.api.inject({ method: 'GET', url: '/api/plans' });
    assert.equal(list.statusCode, 200);
    assert.ok(list.json<{ items: { id: string }[] }>().items.some((p) => p.id === created.json<{ id: string }>().id));
  });

  it('has no auth routes and answers /api/me with the local workspace', async () => {
    assert.equal(t.app.auth, null);
    assert.equal(t.app.config.auth, null);
    for (const url of ['/api/auth/get-session', '/api/auth/sign-up/email']) {
      const res = await t.api.inject({ method: url.endsWith('email') ? 'POST' : 'GET', url, payload: url.endsWith('email') ? {} : undefined });
      assert.equal(res.statusCode, 404, url);
    }
    const me = await t.api.inject({ method: 'GET', url: '/api/me' });
    assert.equal(me.statusCode, 200);
    assert.deepEqual(me.json(), {
      mode: 'local',
      user: null,
      organizations: [{ id: t.app.localTenantId, name: 'Local workspace', kind: 'personal', role: 'owner' }],
      activeOrganizationId: t.app.localTenantId,
    });
  });

  it('sees everything in the local tenant, as before per-user ownership: rows belong to no user, and there is nobody else to name', async () => {
    const key = 'local-mode-key';
    const attempt = await t.api.inject({
      method: 'POST',
      url: '/api/attempts',
      headers: { 'idempotency-key': key },
      payload: { questionId: 'backend/rate-limiter-design', answer: 'A token bucket per API key in Redis, checked and decremented atomically in a Lua script.' },
    });
    assert.equal(attempt.statusCode, 201, attempt.body);
    const id = attempt.json<{ id: string }>().id;
    assert.ok((await t.api.inject({ method: 'GET', url: '/api/attempts' })).json<{ items: { id: string }[] }>().items.some((a) => a.id === id));
    assert.equal((await t.api.inject({ method: 'GET', url: `/api/attempts/${id}` })).statusCode, 200);
    assert.ok((await t.api.inject({ method: 'GET', url: '/api/progress' })).json<{ attempts: number }>().attempts >= 1);
    const replay = await t.api.inject({ method: 'POST', url: '/api/attempts', headers: { 'idempotency-key': key }, payload: { questionId: 'backend/rate-limiter-design', answer: 'A token bucket per API key in Redis, checked and decremented atomically in a Lua script.' } });
    assert.equal(replay.statusCode, 200, 'a retry replays, as before');
    const owners = await t.app.db.query<{ user_id: string | null }>(
      'select user_id from plans union all select user_id from attempts union all select user_id from review_cards',
    );
    assert.ok(owners.rows.length >= 3);
    assert.ok(owners.rows.every((r) => r.user_id === null), 'local mode has no users');
    // Naming a user is a 404 (there are none); the members overview belongs to organizations.
    for (const url of ['/api/plans?userId=00000000-0000-4000-8000-000000000001', `/api/attempts/${id}?userId=00000000-0000-4000-8000-000000000001`, '/api/progress?userId=00000000-0000-4000-8000-000000000001']) {
      assert.equal((await t.api.inject({ method: 'GET', url })).statusCode, 404, url);
    }
    assert.equal((await t.api.inject({ method: 'GET', url: '/api/members/progress' })).statusCode, 403);
  });

  it('acts for the local tenant whatever the request says', async () => {
    const res = await t.api.inject({ method: 'GET', url: '/api/plans', headers: { 'x-organization-id': '00000000-0000-4000-8000-000000000000', cookie: 'loopcoach.session_token=forged', authorization: 'Bearer forged' } });
    assert.equal(res.statusCode, 200);
  });

  it('binds to loopback and needs no secret', () => {
    const config = resolveConfig({ memory: true }, {});
    assert.equal(config.mode, 'local');
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.auth, null);
  });
});
