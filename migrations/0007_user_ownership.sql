-- Per-user ownership inside a tenant (issue #5: "Coaches see their members' plans, attempts and progress").
--
-- Tenant isolation stays the database's job: every table below keeps its forced row-level security policy on
-- tenant_id, unchanged. Who sees what inside a tenant is the service's job (features/accounts/visibility.ts): every
-- statement names the user whose rows it reaches with an explicit user_id predicate.
--
-- user_id is the better-auth user (auth_users.id) who wrote the row. It is nullable: local mode has no users, and
-- rows written before this migration keep user_id null (they belong to no user). It has no foreign key to
-- auth_users: tenant tables do not reference the account directory, and a member who leaves an organization keeps
-- their rows in its tenant.
--
-- Keys stay tenant first, and now include the user. NULL must match NULL there (local mode's rows, old rows), so they
-- are UNIQUE NULLS NOT DISTINCT (PostgreSQL 15+, PGlite). review_cards and saved_questions had (tenant_id,
-- question_id) as their primary key; a primary key column cannot be null, so the unique constraint is now their key
-- (ON CONFLICT names its columns; a logical-replication publication would need REPLICA IDENTITY FULL).

alter table plans add column user_id uuid;
alter table practice_sessions add column user_id uuid;
alter table attempts add column user_id uuid;
alter table review_cards add column user_id uuid;
alter table saved_questions add column user_id uuid;

-- One review card per (tenant, user, question): each user has their own review schedule.
alter table review_cards drop constraint review_cards_pkey;
alter table review_cards add constraint review_cards_tenant_user_question_key unique nulls not distinct (tenant_id, user_id, question_id);

-- One saved question per (tenant, user, question).
alter table saved_questions drop constraint saved_questions_pkey;
alter table saved_questions add constraint saved_questions_tenant_user_question_key unique nulls not distinct (tenant_id, user_id, question_id);

-- Idempotency keys are per user: another member's key neither blocks nor replays yours.
alter table attempts drop constraint attempts_tenant_id_idempotency_key_key;
alter table attempts add constraint attempts_tenant_user_idempotency_key unique nulls not distinct (tenant_id, user_id, idempotency_key);

-- Every read names its user: indexes led by (tenant_id, user_id) replace the tenant-wide ones they make redundant.
-- (A btree answers `user_id is null` too, which is how local mode reads.)
create index plans_tenant_user_created_idx on plans (tenant_id, user_id, created_at desc);
drop index plans_tenant_created_idx;
create index practice_sessions_tenant_user_created_idx on practice_sessions (tenant_id, user_id, created_at desc);
drop index practice_sessions_tenant_created_idx;
create index attempts_tenant_user_created_idx on attempts (tenant_id, user_id, created_at desc);
drop index attempts_tenant_created_idx;
create index attempts_tenant_user_question_idx on attempts (tenant_id, user_id, question_id, created_at desc);
drop index attempts_tenant_question_idx;
create index review_cards_tenant_user_due_idx on review_cards (tenant_id, user_id, due);
drop index review_cards_tenant_due_idx;
create index saved_questions_tenant_user_created_idx on saved_questions (tenant_id, user_id, created_at desc);
