-- Prep plans: a posting, its analysis and the plan built from it. Tenant data under forced row-level security.
create table plans (
  tenant_id       uuid not null references tenants (id) on delete cascade,
  id              uuid not null,
  title           text,
  role            text not null,
  level           text not null,
  posting         text not null check (length(posting) <= 1048576),
  analysis        jsonb not null,
  plan            jsonb not null,
  interview_date  date,
  created_at      timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index plans_tenant_created_idx on plans (tenant_id, created_at desc);
alter table plans enable row level security;
alter table plans force row level security;
create policy tenant_isolation on plans
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
grant select, insert, update, delete on plans to loopcoach_app;
