-- An organization's own questions and role guides (issue #5: "An organization can add its own questions and role
-- guides, private to it and shown beside the shipped content").
--
-- They are tenant data like any other: tenant_id first in every key, ENABLE + FORCE row-level security with the one
-- tenant policy, uniqueness per tenant. The document (doc) is the same shape as shipped content (core/content/
-- schema.ts), validated by the service before it is written; the columns beside it are what search and filters read,
-- as in content_questions.
--
-- Ids: an organization's question is `org/<slug>` and its role guide `org-<slug>`. Shipped content may not use the
-- role id "org" or ids starting with "org-" (the content check refuses them), so the two never collide, and an id
-- says where a question comes from. The slug is unique per tenant: two organizations may both have `org/sql-joins`.

create table org_questions (
  tenant_id     uuid not null references tenants (id) on delete cascade,
  slug          text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  id            text generated always as ('org/' || slug) stored,
  roles         text[] not null,
  stage         text not null,
  levels        text[] not null,
  difficulty    text not null check (difficulty in ('easy', 'medium', 'hard')),
  skills        text[] not null,
  title         text not null,
  prompt        text not null,
  search_text   text not null,
  doc           jsonb not null,
  created_by    uuid,
  updated_by    uuid,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  search        tsvector generated always as (
                  setweight(to_tsvector('english', title), 'A') ||
                  setweight(to_tsvector('english', prompt), 'B') ||
                  setweight(to_tsvector('english', search_text), 'C')
                ) stored,
  primary key (tenant_id, slug)
);
-- Reads are per tenant, and a tenant's own bank is small (tens to hundreds): the primary key, led by tenant_id,
-- serves them; filters and text search run over that tenant's rows.

create table org_role_guides (
  tenant_id     uuid not null references tenants (id) on delete cascade,
  slug          text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 60),
  id            text generated always as ('org-' || slug) stored,
  title         text not null,
  summary       text not null,
  doc           jsonb not null,
  created_by    uuid,
  updated_by    uuid,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  primary key (tenant_id, slug)
);

alter table org_questions enable row level security;
alter table org_questions force row level security;
create policy tenant_isolation on org_questions
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table org_role_guides enable row level security;
alter table org_role_guides force row level security;
create policy tenant_isolation on org_role_guides
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on org_questions, org_role_guides to loopcoach_app;

-- Platform administration counts them too (tenant_id only, as for every tenant table; migrations/0005).
grant select (tenant_id) on org_questions, org_role_guides to loopcoach_platform;
create policy platform_aggregates on org_questions for select to loopcoach_platform using (true);
create policy platform_aggregates on org_role_guides for select to loopcoach_platform using (true);

create or replace view platform_tenant_usage with (security_invoker = true) as
select t.id as tenant_id,
       t.kind,
       t.created_at,
       (select count(*) from plans p where p.tenant_id = t.id)::int as plans,
       (select count(*) from attempts a where a.tenant_id = t.id)::int as attempts,
       (select count(*) from practice_sessions s where s.tenant_id = t.id)::int as sessions,
       (select count(*) from review_cards c where c.tenant_id = t.id)::int as review_cards,
       (select count(*) from saved_questions q where q.tenant_id = t.id)::int as saved_questions,
       (select count(*) from org_questions o where o.tenant_id = t.id)::int as org_questions,
       (select count(*) from org_role_guides g where g.tenant_id = t.id)::int as org_role_guides
  from tenants t;
