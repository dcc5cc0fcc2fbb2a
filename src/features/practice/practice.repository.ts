/**
 * SQL for practice: sessions, attempts and review cards — tenant data, reachable only through a TenantTx. Inside the
 * tenant every statement names the user whose rows it reaches (a ReadScope or WriteScope from
 * features/accounts/visibility.ts); a null user id names the rows of no user (local mode's).
 */
import type { StoredCard } from '../../core/practice/srs.js';
import type { SessionItem } from '../../core/practice/sessions.js';
import type { TenantTx } from '../../infra/db/tenant.js';
import type { ReadScope, WriteScope } from '../accounts/visibility.js';

export interface AttemptRow {
  id: string;
  session_id: string | null;
  question_id: string;
  mode: string;
  level: string;
  answer: string;
  score: number;
  result: unknown;
  duration_seconds: number | null;
  idempotency_key: string;
  request_hash: string;
  created_at: string | Date;
}

const ATTEMPT_COLUMNS = 'id, session_id, question_id, mode, level, answer, score, result, duration_seconds, idempotency_key, request_hash, created_at';

export async function findAttemptByKey(tx: TenantTx, owner: WriteScope, key: string): Promise<AttemptRow | null> {
  const r = await tx.query<AttemptRow>(
    `select ${ATTEMPT_COLUMNS} from attempts where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and idempotency_key = $3`,
    [tx.tenantId, owner.userId, key],
  );
  return r.rows[0] ?? null;
}

/** Inserts unless the idempotency key is taken; returns whether this call recorded it. */
export async function insertAttempt(tx: TenantTx, owner: WriteScope, row: Omit<AttemptRow, 'created_at'>): Promise<boolean> {
  const r = await tx.query(
    `insert into attempts (tenant_id, user_id, id, session_id, question_id, mode, level, answer, score, result, duration_seconds, idempotency_key, request_hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     on conflict (tenant_id, user_id, idempotency_key) do nothing`,
    [tx.tenantId, owner.userId, row.id, row.session_id, row.question_id, row.mode, row.level, row.answer, row.score, JSON.stringify(row.result), row.duration_seconds, row.idempotency_key, row.request_hash],
  );
  return r.rowCount > 0;
}

export async function findAttempt(tx: TenantTx, owner: ReadScope, id: string): Promise<AttemptRow | null> {
  const r = await tx.query<AttemptRow>(
    `select ${ATTEMPT_COLUMNS} from attempts where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and id = $3`,
    [tx.tenantId, owner.userId, id],
  );
  return r.rows[0] ?? null;
}

export async function listAttempts(tx: TenantTx, owner: ReadScope, opts: { questionId?: string | undefined; limit: number }): Promise<AttemptRow[]> {
  const r = await tx.query<AttemptRow>(
    `select ${ATTEMPT_COLUMNS} from attempts
      where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and ($3::text is null or question_id = $3)
      order by created_at desc, id limit $4`,
    [tx.tenantId, owner.userId, opts.questionId ?? null, opts.limit],
  );
  return r.rows;
}

/** What progress needs from every attempt, without the answers' text. */
export interface AttemptFactRow {
  id: string;
  question_id: string;
  score: number;
  created_at: string | Date;
  missed: string[] | null;
  mistakes: { id: string; mistake: string }[] | null;
}

export async function attemptFacts(tx: TenantTx, owner: ReadScope, limit: number): Promise<AttemptFactRow[]> {
  const r = await tx.query<AttemptFactRow>(
    `select id, question_id, score, created_at,
            (select coalesce(array_agg(m->>'id'), '{}') from jsonb_array_elements(result->'misses') m) as missed,
            (select coalesce(jsonb_agg(jsonb_build_object('id', x->>'id', 'mistake', x->>'mistake')), '[]'::jsonb) from jsonb_array_elements(result->'mistakes') x) as mistakes
       from attempts where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null))
      order by created_at desc, id limit $3`,
    [tx.tenantId, owner.userId, limit],
  );
  return r.rows;
}

/** The latest attempt per question: when and how well it was last answered. */
export async function lastAttempts(tx: TenantTx, owner: ReadScope): Promise<{ question_id: string; score: number; created_at: string | Date }[]> {
  const r = await tx.query<{ question_id: string; score: number; created_at: string | Date }>(
    `select distinct on (question_id) question_id, score, created_at from attempts
      where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) order by question_id, created_at desc, id`,
    [tx.tenantId, owner.userId],
  );
  return r.rows;
}

export interface CardRow {
  question_id: string;
  card: StoredCard;
  due: string | Date;
  last_score: number;
}

export async function findCardForUpdate(tx: TenantTx, owner: WriteScope, questionId: string): Promise<CardRow | null> {
  const r = await tx.query<CardRow>(
    'select question_id, card, due, last_score from review_cards where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and question_id = $3 for update',
    [tx.tenantId, owner.userId, questionId],
  );
  return r.rows[0] ?? null;
}

export async function findCard(tx: TenantTx, owner: ReadScope, questionId: string): Promise<CardRow | null> {
  const r = await tx.query<CardRow>(
    'select question_id, card, due, last_score from review_cards where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and question_id = $3',
    [tx.tenantId, owner.userId, questionId],
  );
  return r.rows[0] ?? null;
}

export async function upsertCard(tx: TenantTx, owner: WriteScope, questionId: string, card: StoredCard, score: number): Promise<void> {
  await tx.query(
    `insert into review_cards (tenant_id, user_id, question_id, card, due, last_score, updated_at) values ($1, $2, $3, $4, $5, $6, now())
     on conflict (tenant_id, user_id, question_id) do update set card = excluded.card, due = excluded.due, last_score = excluded.last_score, updated_at = now()`,
    [tx.tenantId, owner.userId, questionId, JSON.stringify(card), card.due, score],
  );
}

export async function listCards(tx: TenantTx, owner: ReadScope): Promise<CardRow[]> {
  const r = await tx.query<CardRow>(
    'select question_id, card, due, last_score from review_cards where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) order by due, question_id',
    [tx.tenantId, owner.userId],
  );
  return r.rows;
}

export interface SessionRow {
  id: string;
  mode: string;
  role: string | null;
  plan_id: string | null;
  level: string;
  items: SessionItem[];
  status: string;
  created_at: string | Date;
  finished_at: string | Date | null;
}

const SESSION_COLUMNS = 'id, mode, role, plan_id, level, items, status, created_at, finished_at';

export async function insertSession(tx: TenantTx, owner: WriteScope, row: Omit<SessionRow, 'status' | 'created_at' | 'finished_at'>): Promise<void> {
  await tx.query(
    'insert into practice_sessions (tenant_id, user_id, id, mode, role, plan_id, level, items) values ($1, $2, $3, $4, $5, $6, $7, $8)',
    [tx.tenantId, owner.userId, row.id, row.mode, row.role, row.plan_id, row.level, JSON.stringify(row.items)],
  );
}

export async function findSession(tx: TenantTx, owner: ReadScope, id: string): Promise<SessionRow | null> {
  const r = await tx.query<SessionRow>(
    `select ${SESSION_COLUMNS} from practice_sessions where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and id = $3`,
    [tx.tenantId, owner.userId, id],
  );
  return r.rows[0] ?? null;
}

export async function listSessions(tx: TenantTx, owner: ReadScope, limit: number): Promise<SessionRow[]> {
  const r = await tx.query<SessionRow>(
    `select ${SESSION_COLUMNS} from practice_sessions
      where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) order by created_at desc, id limit $3`,
    [tx.tenantId, owner.userId, limit],
  );
  return r.rows;
}

export async function finishSession(tx: TenantTx, owner: WriteScope, id: string): Promise<boolean> {
  const r = await tx.query(
    `update practice_sessions set status = 'finished', finished_at = coalesce(finished_at, now())
      where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and id = $3`,
    [tx.tenantId, owner.userId, id],
  );
  return r.rowCount > 0;
}

/** The latest attempt per question within a session (the session's user's: only they answer in it). */
export async function sessionAttempts(tx: TenantTx, owner: ReadScope, sessionId: string): Promise<{ id: string; question_id: string; score: number }[]> {
  const r = await tx.query<{ id: string; question_id: string; score: number }>(
    `select distinct on (question_id) id, question_id, score from attempts
      where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and session_id = $3 order by question_id, created_at desc, id`,
    [tx.tenantId, owner.userId, sessionId],
  );
  return r.rows;
}

export async function countSessionAttempts(tx: TenantTx, owner: ReadScope): Promise<Map<string, number>> {
  const r = await tx.query<{ session_id: string; n: number }>(
    `select session_id, count(distinct question_id)::int as n from attempts
      where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and session_id is not null group by session_id`,
    [tx.tenantId, owner.userId],
  );
  return new Map(r.rows.map((x) => [x.session_id, x.n]));
}

/**
 * Attempt facts for several users at once (a coach's overview of their members), the newest `limit` of each. Every
 * user id comes from a ReadScope; rows of no user are never included.
 */
export async function attemptFactsOfUsers(tx: TenantTx, owners: readonly ReadScope[], limit: number): Promise<(AttemptFactRow & { user_id: string })[]> {
  const r = await tx.query<AttemptFactRow & { user_id: string }>(
    `select u.user_id, a.id, a.question_id, a.score, a.created_at, a.missed, a.mistakes
       from unnest($2::uuid[]) as u(user_id)
       cross join lateral (
         select id, question_id, score, created_at,
                (select coalesce(array_agg(m->>'id'), '{}') from jsonb_array_elements(result->'misses') m) as missed,
                (select coalesce(jsonb_agg(jsonb_build_object('id', x->>'id', 'mistake', x->>'mistake')), '[]'::jsonb) from jsonb_array_elements(result->'mistakes') x) as mistakes
           from attempts
          where tenant_id = $1 and user_id = u.user_id
          order by created_at desc, id limit $3
       ) a`,
    [tx.tenantId, userIdsOf(owners), limit],
  );
  return r.rows;
}

/** Review cards of several users at once (a coach's overview). */
export async function cardsOfUsers(tx: TenantTx, owners: readonly ReadScope[]): Promise<(CardRow & { user_id: string })[]> {
  const r = await tx.query<CardRow & { user_id: string }>(
    'select user_id, question_id, card, due, last_score from review_cards where tenant_id = $1 and user_id = any($2::uuid[]) order by user_id, due, question_id',
    [tx.tenantId, userIdsOf(owners)],
  );
  return r.rows;
}

const userIdsOf = (owners: readonly ReadScope[]): string[] => owners.flatMap((o) => (o.userId === null ? [] : [o.userId]));
