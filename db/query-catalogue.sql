-- Query catalogue: every SQL statement the app issues through `.query(...)`, in file and line order.
-- Generated from src/**/*.ts by scripts/query-catalogue.ts: do not edit; run `npm run queries:catalogue`.
-- CI fails when it is stale (`npm run queries:catalogue -- --check`); `npm run queries:check` checks every
-- statement for tenant isolation (docs/decisions/0002-tenant-isolation-with-row-level-security.md).

-- src/features/accounts/accounts.repository.ts:24 insertOrganizationTenant
insert into tenants (id, slug, name, kind) values ($1, $2, $3, 'organization');

-- src/features/accounts/accounts.repository.ts:34 ensurePersonalOrganization
insert into tenants (id, slug, name, kind) values ($1, $2, $3, 'personal') on conflict (slug) do nothing;

-- src/features/accounts/accounts.repository.ts:38 ensurePersonalOrganization
select id from tenants where slug = $1 and kind = 'personal';

-- src/features/accounts/accounts.repository.ts:41 ensurePersonalOrganization
insert into organizations (id, name, slug) values ($1, $2, $3) on conflict (id) do nothing;

-- src/features/accounts/accounts.repository.ts:45 ensurePersonalOrganization
insert into memberships (organization_id, user_id, role) values ($1, $2, 'owner') on conflict (organization_id, user_id) do nothing;

-- src/features/accounts/accounts.repository.ts:54 findPersonalOrganization
select t.id
 from tenants t
 join memberships m on m.organization_id = t.id and m.user_id = $2
where t.slug = $1 and t.kind = 'personal';

-- src/features/accounts/accounts.repository.ts:66 findMembership
select o.id as "organizationId", o.name, t.kind, m.role
 from memberships m
 join organizations o on o.id = m.organization_id
 join tenants t on t.id = o.id
where m.organization_id = $1 and m.user_id = $2;

-- src/features/accounts/accounts.repository.ts:79 listMembers
select u.id as "userId", u.name, u.email
 from memberships m
 join auth_users u on u.id = m.user_id
where m.organization_id = $1 and m.role = $2
order by u.name, u.id;

-- src/features/accounts/accounts.repository.ts:92 listMemberships
select o.id as "organizationId", o.name, t.kind, m.role
 from memberships m
 join organizations o on o.id = m.organization_id
 join tenants t on t.id = o.id
where m.user_id = $1
order by t.kind = 'personal' desc, o.name, o.id;

-- src/features/accounts/accounts.repository.ts:105 organizationKind
select kind from tenants where id = $1;

-- src/features/content/content.repository.ts:22 listStoredRoleHashes
select id, content_hash as hash from content_roles;

-- src/features/content/content.repository.ts:26 listStoredQuestionHashes
select id, content_hash as hash from content_questions;

-- src/features/content/content.repository.ts:30 upsertRole
insert into content_roles (id, title, summary, doc, source_path, content_hash, synced_at)
values ($1, $2, $3, $4, $5, $6, now())
on conflict (id) do update set title = excluded.title, summary = excluded.summary, doc = excluded.doc,
  source_path = excluded.source_path, content_hash = excluded.content_hash, synced_at = now();

-- src/features/content/content.repository.ts:41 upsertQuestion
insert into content_questions
  (id, home_role, roles, stage, levels, difficulty, skills, title, prompt, search_text, doc, source_path, content_hash, synced_at)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
on conflict (id) do update set home_role = excluded.home_role, roles = excluded.roles, stage = excluded.stage,
  levels = excluded.levels, difficulty = excluded.difficulty, skills = excluded.skills, title = excluded.title,
  prompt = excluded.prompt, search_text = excluded.search_text, doc = excluded.doc,
  source_path = excluded.source_path, content_hash = excluded.content_hash, synced_at = now();

-- src/features/content/content.repository.ts:54 deleteRoles
delete from content_roles where id = any($1::text[]);

-- src/features/content/content.repository.ts:58 deleteQuestions
delete from content_questions where id = any($1::text[]);

-- src/features/org-content/org-content.repository.ts:18 loadOrgContent
select 'question' as kind, id, doc from org_questions where tenant_id = $1
union all
select 'guide', id, doc from org_role_guides where tenant_id = $1
order by 1, 2;

-- src/features/org-content/org-content.repository.ts:35 listOrgQuestions
select doc, created_by, updated_by, created_at, updated_at from org_questions where tenant_id = $1 order by title, slug;

-- src/features/org-content/org-content.repository.ts:43 findOrgQuestion
select doc, created_by, updated_by, created_at, updated_at from org_questions where tenant_id = $1 and slug = $2;

-- src/features/org-content/org-content.repository.ts:60 insertOrgQuestion
insert into org_questions (tenant_id, slug, roles, stage, levels, difficulty, skills, title, prompt, search_text, doc, created_by, updated_by)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
on conflict (tenant_id, slug) do nothing;

-- src/features/org-content/org-content.repository.ts:72 updateOrgQuestion
update org_questions
  set roles = $3, stage = $4, levels = $5, difficulty = $6, skills = $7, title = $8, prompt = $9, search_text = $10,
      doc = $11, updated_by = $12, updated_at = now()
where tenant_id = $1 and slug = $2;

-- src/features/org-content/org-content.repository.ts:83 deleteOrgQuestion
delete from org_questions where tenant_id = $1 and slug = $2;

-- src/features/org-content/org-content.repository.ts:88 listOrgGuides
select doc, created_by, updated_by, created_at, updated_at from org_role_guides where tenant_id = $1 order by title, slug;

-- src/features/org-content/org-content.repository.ts:96 findOrgGuide
select doc, created_by, updated_by, created_at, updated_at from org_role_guides where tenant_id = $1 and slug = $2;

-- src/features/org-content/org-content.repository.ts:110 insertOrgGuide
insert into org_role_guides (tenant_id, slug, title, summary, doc, created_by, updated_by)
values ($1, $2, $3, $4, $5, $6, $6)
on conflict (tenant_id, slug) do nothing;

-- src/features/org-content/org-content.repository.ts:120 updateOrgGuide
update org_role_guides set title = $3, summary = $4, doc = $5, updated_by = $6, updated_at = now()
where tenant_id = $1 and slug = $2;

-- src/features/org-content/org-content.repository.ts:129 deleteOrgGuide
delete from org_role_guides where tenant_id = $1 and slug = $2;

-- src/features/org-content/org-content.repository.ts:135 lockOrgContent
select pg_advisory_xact_lock(hashtextextended('loopcoach.org-content:' || $1::text, 0));

-- src/features/plans/plans.repository.ts:22 insertPlan
insert into plans (tenant_id, user_id, id, title, role, level, posting, analysis, plan, interview_date)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- src/features/plans/plans.repository.ts:30 listPlans
select id, title, role, level, interview_date, created_at from plans
where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null))
order by created_at desc, id limit $3;

-- src/features/plans/plans.repository.ts:40 findPlan
select id, title, role, level, posting, analysis, plan, interview_date, created_at from plans
where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and id = $3;

-- src/features/plans/plans.repository.ts:49 deletePlan
delete from plans where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and id = $3;

-- src/features/platform/platform.repository.ts:24 becomePlatform
set local role loopcoach_platform;

-- src/features/platform/platform.repository.ts:28 audit
insert into platform_audit (actor, action, reason) values ($1, $2, $3);

-- src/features/platform/platform.repository.ts:32 tenantUsage
/* tenant-check: platform aggregate across tenants — counts only, as loopcoach_platform, audited */
select tenant_id, kind, created_at, plans, attempts, sessions, review_cards, saved_questions, org_questions, org_role_guides from platform_tenant_usage order by created_at, tenant_id;

-- src/features/practice/practice.repository.ts:29 findAttemptByKey
select id, session_id, question_id, mode, level, answer, score, result, duration_seconds, idempotency_key, request_hash, created_at from attempts where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and idempotency_key = $3;

-- src/features/practice/practice.repository.ts:38 insertAttempt
insert into attempts (tenant_id, user_id, id, session_id, question_id, mode, level, answer, score, result, duration_seconds, idempotency_key, request_hash)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
on conflict (tenant_id, user_id, idempotency_key) do nothing;

-- src/features/practice/practice.repository.ts:48 findAttempt
select id, session_id, question_id, mode, level, answer, score, result, duration_seconds, idempotency_key, request_hash, created_at from attempts where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and id = $3;

-- src/features/practice/practice.repository.ts:56 listAttempts
select id, session_id, question_id, mode, level, answer, score, result, duration_seconds, idempotency_key, request_hash, created_at from attempts
where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and ($3::text is null or question_id = $3)
order by created_at desc, id limit $4;

-- src/features/practice/practice.repository.ts:76 attemptFacts
select id, question_id, score, created_at,
      (select coalesce(array_agg(m->>'id'), '{}') from jsonb_array_elements(result->'misses') m) as missed,
      (select coalesce(jsonb_agg(jsonb_build_object('id', x->>'id', 'mistake', x->>'mistake')), '[]'::jsonb) from jsonb_array_elements(result->'mistakes') x) as mistakes
 from attempts where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null))
order by created_at desc, id limit $3;

-- src/features/practice/practice.repository.ts:89 lastAttempts
select distinct on (question_id) question_id, score, created_at from attempts
where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) order by question_id, created_at desc, id;

-- src/features/practice/practice.repository.ts:105 findCardForUpdate
select question_id, card, due, last_score from review_cards where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and question_id = $3 for update;

-- src/features/practice/practice.repository.ts:113 findCard
select question_id, card, due, last_score from review_cards where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and question_id = $3;

-- src/features/practice/practice.repository.ts:121 upsertCard
insert into review_cards (tenant_id, user_id, question_id, card, due, last_score, updated_at) values ($1, $2, $3, $4, $5, $6, now())
on conflict (tenant_id, user_id, question_id) do update set card = excluded.card, due = excluded.due, last_score = excluded.last_score, updated_at = now();

-- src/features/practice/practice.repository.ts:129 listCards
select question_id, card, due, last_score from review_cards where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) order by due, question_id;

-- src/features/practice/practice.repository.ts:151 insertSession
insert into practice_sessions (tenant_id, user_id, id, mode, role, plan_id, level, items) values ($1, $2, $3, $4, $5, $6, $7, $8);

-- src/features/practice/practice.repository.ts:158 findSession
select id, mode, role, plan_id, level, items, status, created_at, finished_at from practice_sessions where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and id = $3;

-- src/features/practice/practice.repository.ts:166 listSessions
select id, mode, role, plan_id, level, items, status, created_at, finished_at from practice_sessions
where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) order by created_at desc, id limit $3;

-- src/features/practice/practice.repository.ts:175 finishSession
update practice_sessions set status = 'finished', finished_at = coalesce(finished_at, now())
where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and id = $3;

-- src/features/practice/practice.repository.ts:185 sessionAttempts
select distinct on (question_id) id, question_id, score from attempts
where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and session_id = $3 order by question_id, created_at desc, id;

-- src/features/practice/practice.repository.ts:194 countSessionAttempts
select session_id, count(distinct question_id)::int as n from attempts
where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and session_id is not null group by session_id;

-- src/features/practice/practice.repository.ts:207 attemptFactsOfUsers
select u.user_id, a.id, a.question_id, a.score, a.created_at, a.missed, a.mistakes
from unnest($2::uuid[]) as u(user_id)
cross join lateral (
  select id, question_id, score, created_at,
         (select coalesce(array_agg(m->>'id'), '{}') from jsonb_array_elements(result->'misses') m) as missed,
         (select coalesce(jsonb_agg(jsonb_build_object('id', x->>'id', 'mistake', x->>'mistake')), '[]'::jsonb) from jsonb_array_elements(result->'mistakes') x) as mistakes
    from attempts
   where tenant_id = $1 and user_id = u.user_id
   order by created_at desc, id limit $3
) a;

-- src/features/practice/practice.repository.ts:225 cardsOfUsers
select user_id, question_id, card, due, last_score from review_cards where tenant_id = $1 and user_id = any($2::uuid[]) order by user_id, due, question_id;

-- src/features/questions/questions.repository.ts:49 searchQuestions
select doc, rank, count(*) over () as total from (select doc, case when $6::text is null then null else ts_rank_cd(search, to_tsquery('english', $6)) end as rank, difficulty, title, id from content_questions where ($1::text is null or $1 = any(roles)) and ($2::text is null or stage = $2) and ($3::text is null or $3 = any(levels))
and ($4::text is null or difficulty = $4) and ($5::text is null or $5 = any(skills))
and ($6::text is null or search @@ to_tsquery('english', $6))) b order by rank desc nulls last, case difficulty when 'easy' then 0 when 'medium' then 1 else 2 end, title, id limit $7 offset $8;

-- src/features/questions/questions.repository.ts:51 searchQuestions
select count(*) as n from (select doc, case when $6::text is null then null else ts_rank_cd(search, to_tsquery('english', $6)) end as rank, difficulty, title, id from content_questions where ($1::text is null or $1 = any(roles)) and ($2::text is null or stage = $2) and ($3::text is null or $3 = any(levels))
and ($4::text is null or difficulty = $4) and ($5::text is null or $5 = any(skills))
and ($6::text is null or search @@ to_tsquery('english', $6))) b;

-- src/features/questions/questions.repository.ts:58 searchBank
select doc, rank, count(*) over () as total from (select doc, case when $6::text is null then null else ts_rank_cd(search, to_tsquery('english', $6)) end as rank, difficulty, title, id from content_questions where ($1::text is null or $1 = any(roles)) and ($2::text is null or stage = $2) and ($3::text is null or $3 = any(levels))
and ($4::text is null or difficulty = $4) and ($5::text is null or $5 = any(skills))
and ($6::text is null or search @@ to_tsquery('english', $6)) union all select doc, case when $6::text is null then null else ts_rank_cd(search, to_tsquery('english', $6)) end as rank, difficulty, title, id from org_questions where tenant_id = $7 and ($1::text is null or $1 = any(roles)) and ($2::text is null or stage = $2) and ($3::text is null or $3 = any(levels))
and ($4::text is null or difficulty = $4) and ($5::text is null or $5 = any(skills))
and ($6::text is null or search @@ to_tsquery('english', $6))) b order by rank desc nulls last, case difficulty when 'easy' then 0 when 'medium' then 1 else 2 end, title, id limit $8 offset $9;

-- src/features/questions/questions.repository.ts:59 searchBank
select count(*) as n from (select doc, case when $6::text is null then null else ts_rank_cd(search, to_tsquery('english', $6)) end as rank, difficulty, title, id from content_questions where ($1::text is null or $1 = any(roles)) and ($2::text is null or stage = $2) and ($3::text is null or $3 = any(levels))
and ($4::text is null or difficulty = $4) and ($5::text is null or $5 = any(skills))
and ($6::text is null or search @@ to_tsquery('english', $6)) union all select doc, case when $6::text is null then null else ts_rank_cd(search, to_tsquery('english', $6)) end as rank, difficulty, title, id from org_questions where tenant_id = $7 and ($1::text is null or $1 = any(roles)) and ($2::text is null or stage = $2) and ($3::text is null or $3 = any(levels))
and ($4::text is null or difficulty = $4) and ($5::text is null or $5 = any(skills))
and ($6::text is null or search @@ to_tsquery('english', $6))) b;

-- src/features/questions/questions.repository.ts:64 countContent
select (select count(*) from content_roles) as roles, (select count(*) from content_questions) as questions;

-- src/features/questions/questions.repository.ts:85 questionFacets
with q as (select roles, stage, levels, difficulty, skills from content_questions where $1::text is null or $1 = any(roles))
select 'role' as facet, r as id, count(*) as count from q, unnest(q.roles) as r group by r
union all select 'stage', stage, count(*) from q group by stage
union all select 'level', l, count(*) from q, unnest(q.levels) as l group by l
union all select 'difficulty', difficulty, count(*) from q group by difficulty
union all select 'skill', s, count(*) from q, unnest(q.skills) as s group by s;

-- src/features/questions/questions.repository.ts:95 bankFacets
with q as (
  select roles, stage, levels, difficulty, skills from content_questions where $2::text is null or $2 = any(roles)
  union all
  select roles, stage, levels, difficulty, skills from org_questions where tenant_id = $1 and ($2::text is null or $2 = any(roles)))
select 'role' as facet, r as id, count(*) as count from q, unnest(q.roles) as r group by r
union all select 'stage', stage, count(*) from q group by stage
union all select 'level', l, count(*) from q, unnest(q.levels) as l group by l
union all select 'difficulty', difficulty, count(*) from q group by difficulty
union all select 'skill', s, count(*) from q, unnest(q.skills) as s group by s;

-- src/features/saved/saved.repository.ts:16 listSaved
select s.question_id, coalesce(q.title, o.title) as title, s.note, s.created_at
 from saved_questions s
 left join content_questions q on q.id = s.question_id
 left join org_questions o on o.tenant_id = s.tenant_id and o.id = s.question_id
where s.tenant_id = $1 and (s.user_id = $2 or ($2::uuid is null and s.user_id is null))
order by s.created_at desc, s.question_id;

-- src/features/saved/saved.repository.ts:29 saveQuestion
insert into saved_questions (tenant_id, user_id, question_id, note) values ($1, $2, $3, $4)
on conflict (tenant_id, user_id, question_id) do update set note = excluded.note;

-- src/features/saved/saved.repository.ts:37 removeSaved
delete from saved_questions where tenant_id = $1 and (user_id = $2 or ($2::uuid is null and user_id is null)) and question_id = $3;

-- src/features/tenants/tenants.repository.ts:9 ensureLocalTenant
insert into tenants (id, slug, name, kind) values ($1, $2, 'Local workspace', 'personal')
on conflict (slug) do nothing;

-- src/features/tenants/tenants.repository.ts:14 ensureLocalTenant
select id from tenants where slug = $1;

-- src/infra/db/catalog-check.ts:15 checkTenantCatalog
select c.oid::regclass::text as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
      (select count(*) from pg_policy p where p.polrelid = c.oid) as policies,
      exists (
        select 1 from pg_index i
         where i.indrelid = c.oid
           and i.indkey[0] = (select a.attnum from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
      ) as tenant_index
 from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p')
  and n.nspname not in ('pg_catalog', 'information_schema')
  and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
order by 1;

-- src/infra/db/catalog-check.ts:34 checkTenantCatalog
select c.oid::regclass::text as name
 from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('v', 'm') and n.nspname not in ('pg_catalog', 'information_schema')
  and not coalesce(c.reloptions @> array['security_invoker=true'], false)
order by 1;

-- src/infra/db/catalog-check.ts:41 checkTenantCatalog
select p.oid::regprocedure::text as name
 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema')
order by 1;

-- src/infra/db/migrate.ts:33 migrate
create table if not exists schema_migrations (
id text primary key, checksum text not null, applied_at timestamptz not null default now());

-- src/infra/db/migrate.ts:35 migrate
select pg_advisory_lock($1);

-- src/infra/db/migrate.ts:38 migrate
select id, checksum from schema_migrations;

-- src/infra/db/migrate.ts:51 migrate
-- query-catalogue: dynamic a migration file marked to run outside a transaction (migrations/*.sql), as the owner; queries:check parses the migrations themselves
-- (not a static statement; the argument as written:)
--   file.sql

-- src/infra/db/migrate.ts:52 migrate
insert into schema_migrations (id, checksum) values ($1, $2);

-- src/infra/db/migrate.ts:55 migrate
set local lock_timeout = '10s';

-- src/infra/db/migrate.ts:57 migrate
-- query-catalogue: dynamic each statement of a migration file (migrations/*.sql), run as the owner; queries:check parses the migrations themselves
-- (not a static statement; the argument as written:)
--   statement

-- src/infra/db/migrate.ts:58 migrate
insert into schema_migrations (id, checksum) values ($1, $2);

-- src/infra/db/migrate.ts:64 migrate
do $$ begin
  if exists (select 1 from pg_roles where rolname = 'loopcoach_app') then grant select on schema_migrations to loopcoach_app; end if;
end $$;

-- src/infra/db/migrate.ts:69 migrate
select pg_advisory_unlock($1);

-- src/infra/db/pglite.ts:14 pgliteDatabase.wrap.query
-- query-catalogue: dynamic the driver adapter passes its callers' SQL through; they are catalogued at their own call sites
-- (not a static statement; the argument as written:)
--   sql

-- src/infra/db/pglite.ts:23 pgliteDatabase.exec
-- query-catalogue: dynamic exec passes a whole migration file through (several statements, no parameters)
-- (not a static statement; the argument as written:)
--   sql

-- src/infra/db/pglite.ts:28 pgliteDatabase.transaction
-- query-catalogue: dynamic the transaction's setup statement, built by withTenant from constants and a validated UUID
-- (not a static statement; the argument as written:)
--   options.setup

-- src/infra/db/postgres.ts:12 openPostgres.wrap.query
-- query-catalogue: dynamic the driver adapter passes its callers' SQL through; they are catalogued at their own call sites
-- (not a static statement; the argument as written:)
--   sql

-- src/infra/db/postgres.ts:21 openPostgres.exec
-- query-catalogue: dynamic exec passes a whole migration file through (several statements, no parameters)
-- (not a static statement; the argument as written:)
--   sql

-- src/infra/db/postgres.ts:28 openPostgres.transaction
-- query-catalogue: dynamic BEGIN plus the transaction's setup statement, built by withTenant from constants and a validated UUID
-- (not a static statement; the argument as written:)
--   options?.setup ? `begin; ${options.setup}` : 'begin'

-- src/infra/db/postgres.ts:30 openPostgres.transaction
commit;

-- src/infra/db/postgres.ts:33 openPostgres.transaction
rollback;

-- src/infra/db/server-checks.ts:17 checkServerRole
select exists (select 1 from pg_roles where rolname = $1) as ok;

-- src/infra/db/server-checks.ts:19 checkServerRole
select current_user::text as name, r.rolsuper as superuser, r.rolbypassrls as bypass,
     pg_has_role(current_user, $1, 'MEMBER') as member
from pg_roles r where r.rolname = current_user;

-- src/infra/db/server-checks.ts:33 checkServerRole
select current_setting('default_transaction_isolation') as level;

-- src/infra/db/server-checks.ts:42 pendingMigrations
select to_regclass('schema_migrations')::text as t;

-- src/infra/db/server-checks.ts:44 pendingMigrations
select id from schema_migrations;
