-- Practice: sessions (practice, interview, mock loop), scored attempts, and the spaced-repetition card per question.
-- All tenant data under forced row-level security, keyed tenant first.
create table practice_sessions (
  tenant_id    uuid not null references tenants (id) on delete cascade,
  id           uuid not null,
  mode         text not null check (mode in ('practice', 'interview', 'mock')),
  role         text,
  plan_id      uuid,
  level        text not null,
  -- The questions in order, with the loop stage each stands for: [{"stage": "...", "questionId": "..."}].
  items        jsonb not null,
  status       text not null default 'active' check (status in ('active', 'finished')),
  created_at   timestamptz not null default now(),
  finished_at  timestamptz,
  primary key (tenant_id, id)
);
create index practice_sessions_tenant_created_idx on practice_sessions (tenant_id, created_at desc);

create table attempts (
  tenant_id         uuid not null references tenants (id) on delete cascade,
  id                uuid not null,
  session_id        uuid,
  question_id       text not null,
  mode              text not null check (mode in ('practice', 'interview', 'mock')),
  level             text not null,
  answer            text not null check (length(answer) between 1 and 20000),
  score             integer not null check (score between 0 and 100),
  result            jsonb not null,
  duration_seconds  integer check (duration_seconds >= 0),
  -- A retried POST with the same key returns the first attempt instead of recording a second one.
  idempotency_key   text not null check (length(idempotency_key) between 1 and 200),
  request_hash      text not null,
  created_at        timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, idempotency_key),
  foreign key (tenant_id, session_id) references practice_sessions (tenant_id, id) on delete cascade
);
create index attempts_tenant_created_idx on attempts (tenant_id, created_at desc);
create index attempts_tenant_question_idx on attempts (tenant_id, question_id, created_at desc);
create index attempts_tenant_session_idx on attempts (tenant_id, session_id) where session_id is not null;

create table review_cards (
  tenant_id    uuid not null references tenants (id) on delete cascade,
  question_id  text not null,
  -- The FSRS card (ts-fsrs), as JSON with ISO dates.
  card         jsonb not null,
  due          timestamptz not null,
  last_score   integer not null,
  updated_at   timestamptz not null default now(),
  primary key (tenant_id, question_id)
);
create index review_cards_tenant_due_idx on review_cards (tenant_id, due);

alter table practice_sessions enable row level security;
alter table practice_sessions force row level security;
create policy tenant_isolation on practice_sessions
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table attempts enable row level security;
alter table attempts force row level security;
create policy tenant_isolation on attempts
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table review_cards enable row level security;
alter table review_cards force row level security;
create policy tenant_isolation on review_cards
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on practice_sessions, attempts, review_cards to loopcoach_app;
