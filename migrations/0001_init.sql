-- Loopcoach schema, version 1.
-- Global content (role guides, questions) is shipped with the product and synced from content/ at start-up.
-- User data lives in tenant tables: tenant_id first in every key, ENABLE + FORCE row-level security, one policy
-- that reads the transaction-local app.tenant_id (see ../shared/guides/tenancy.md and docs/decisions).

-- The runtime role. NOLOGIN here; server mode (a later migration) gives it a login. It owns nothing and never
-- bypasses row-level security.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'loopcoach_app') then
    create role loopcoach_app nologin nosuperuser nobypassrls nocreatedb nocreaterole;
  end if;
exception when insufficient_privilege then
  raise exception 'cannot create the database role loopcoach_app: run the migrations as a role with CREATEROLE, or create it first with: create role loopcoach_app nologin nobypassrls';
end
$$;

-- Let the migrating (owner) role switch to the runtime role with SET ROLE in local mode.
do $$
begin
  if not pg_has_role(current_user, 'loopcoach_app', 'member') then
    execute format('grant loopcoach_app to %I', current_user);
  end if;
end
$$;

grant usage on schema public to loopcoach_app;

-- ---------------------------------------------------------------------------------------------------------------
-- Global content
-- ---------------------------------------------------------------------------------------------------------------
create table content_roles (
  id            text primary key,
  title         text not null,
  summary       text not null,
  doc           jsonb not null,
  source_path   text not null,
  content_hash  text not null,
  synced_at     timestamptz not null default now()
);

create table content_questions (
  id            text primary key,
  home_role     text not null,
  roles         text[] not null,
  stage         text not null,
  levels        text[] not null,
  difficulty    text not null check (difficulty in ('easy', 'medium', 'hard')),
  skills        text[] not null,
  title         text not null,
  prompt        text not null,
  search_text   text not null,
  doc           jsonb not null,
  source_path   text not null,
  content_hash  text not null,
  synced_at     timestamptz not null default now(),
  search        tsvector generated always as (
                  setweight(to_tsvector('english', title), 'A') ||
                  setweight(to_tsvector('english', prompt), 'B') ||
                  setweight(to_tsvector('english', search_text), 'C')
                ) stored
);
create index content_questions_search_idx on content_questions using gin (search);
create index content_questions_roles_idx on content_questions using gin (roles);
create index content_questions_skills_idx on content_questions using gin (skills);

grant select on content_roles, content_questions to loopcoach_app;

-- ---------------------------------------------------------------------------------------------------------------
-- Tenants: the directory of who owns data. Local mode has one personal tenant.
-- ---------------------------------------------------------------------------------------------------------------
create table tenants (
  id          uuid primary key,
  slug        text not null unique,
  name        text not null,
  kind        text not null check (kind in ('personal', 'organization')),
  created_at  timestamptz not null default now()
);
grant select on tenants to loopcoach_app;

-- ---------------------------------------------------------------------------------------------------------------
-- Tenant data
-- ---------------------------------------------------------------------------------------------------------------
create table saved_questions (
  tenant_id    uuid not null references tenants (id) on delete cascade,
  question_id  text not null,
  note         text not null default '' check (length(note) <= 2000),
  created_at   timestamptz not null default now(),
  primary key (tenant_id, question_id)
);
alter table saved_questions enable row level security;
alter table saved_questions force row level security;
create policy tenant_isolation on saved_questions
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert, update, delete on saved_questions to loopcoach_app;
