-- PostgreSQL 16+: a CREATEROLE owner that creates a role becomes a member for administration only, without the
-- right to SET ROLE into it; pg_has_role(..., 'MEMBER') is true all the same, so 0001 and 0005 skipped their grant.
-- Local mode on DATABASE_URL with such an owner needs SET on the app role (withTenant switches to it), and the
-- platform command needs it on the platform role. Grant it explicitly where it is missing.
do $$
declare r text;
begin
  if current_setting('server_version_num')::int >= 160000 then
    foreach r in array array['loopcoach_app', 'loopcoach_platform'] loop
      if exists (select 1 from pg_roles where rolname = r) and not pg_has_role(current_user, r, 'SET') then
        execute format('grant %I to %I with set true', r, current_user);
      end if;
    end loop;
  end if;
end
$$;
