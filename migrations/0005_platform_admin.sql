-- Platform administration: aggregate usage per tenant — counts, never rows — through its own role and policies.
--
-- loopcoach_platform may read only the tenant_id column of tenant tables (column privileges), under policies scoped
-- TO that role, so the most it can learn is how many rows each tenant has. It reads them through a
-- security_invoker view, and every read is audited in platform_audit (the service writes the audit row in the same
-- transaction). It is never a flag a connection can set: the server switches to the role with SET LOCAL ROLE for
-- one transaction, and only for platform administrators.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'loopcoach_platform') then
    create role loopcoach_platform nologin nosuperuser nobypassrls nocreatedb nocreaterole;
  end if;
  if not pg_has_role(current_user, 'loopcoach_platform', 'MEMBER') then
    execute format('grant loopcoach_platform to %I', current_user);
  end if;
end
$$;

grant usage on schema public to loopcoach_platform;
grant select (id, kind, created_at) on tenants to loopcoach_platform;

grant select (tenant_id) on saved_questions, plans, practice_sessions, attempts, review_cards to loopcoach_platform;
create policy platform_aggregates on saved_questions for select to loopcoach_platform using (true);
create policy platform_aggregates on plans for select to loopcoach_platform using (true);
create policy platform_aggregates on practice_sessions for select to loopcoach_platform using (true);
create policy platform_aggregates on attempts for select to loopcoach_platform using (true);
create policy platform_aggregates on review_cards for select to loopcoach_platform using (true);

create view platform_tenant_usage with (security_invoker = true) as
select t.id as tenant_id,
       t.kind,
       t.created_at,
       (select count(*) from plans p where p.tenant_id = t.id)::int as plans,
       (select count(*) from attempts a where a.tenant_id = t.id)::int as attempts,
       (select count(*) from practice_sessions s where s.tenant_id = t.id)::int as sessions,
       (select count(*) from review_cards c where c.tenant_id = t.id)::int as review_cards,
       (select count(*) from saved_questions q where q.tenant_id = t.id)::int as saved_questions
  from tenants t;
grant select on platform_tenant_usage to loopcoach_platform;

-- Who looked, when, and why: written by the same transaction that reads the usage.
create table platform_audit (
  id          bigint generated always as identity primary key,
  actor       text not null check (length(actor) between 1 and 320),
  action      text not null check (length(action) between 1 and 100),
  reason      text check (length(reason) <= 500),
  at          timestamptz not null default now()
);
grant insert on platform_audit to loopcoach_platform;
grant usage on sequence platform_audit_id_seq to loopcoach_platform;
