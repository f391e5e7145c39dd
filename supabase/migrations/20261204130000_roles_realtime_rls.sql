-- Access for Supabase's API roles, and the Realtime publication.
--
-- Supabase provides the roles anon, authenticated and service_role and the publication
-- supabase_realtime. Plain Postgres and PGlite do not, so they are created here only where
-- they are missing; on Supabase these blocks do nothing.

do $$
declare
  role_name text;
begin
  foreach role_name in array array['anon', 'authenticated', 'service_role'] loop
    if not exists (select 1 from pg_roles where rolname = role_name) then
      begin
        execute format('create role %I nologin noinherit', role_name);
      exception
        -- Roles belong to the whole cluster, so another database may create one at the same moment.
        when duplicate_object or unique_violation then null;
      end;
    end if;
  end loop;
end
$$;

do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;

-- Realtime streams changes of scan_counts: ids and counts, never personal data.
alter publication supabase_realtime add table public.scan_counts;

-- The browser holds the anon key, so anon (and a signed-in Supabase user) may read the counts
-- and nothing else. Supabase grants every privilege on new tables and functions in public to
-- these roles by default; revoking them here leaves row-level security as a second wall, not
-- the only one. A later migration that adds a table must do the same.
revoke all on public.qr_codes, public.scans, public.scan_counts from anon, authenticated;
grant usage on schema public to anon, authenticated;
grant select on public.scan_counts to anon, authenticated;

create policy scan_counts_read_by_everyone on public.scan_counts
  for select to anon, authenticated
  using (true);

-- Only the app's own role records scans and runs the trigger functions.
revoke execute on function public.record_scans(text[], text[], text[], inet[]) from public, anon, authenticated;
revoke execute on function public.record_scan(text, text, text, inet) from public, anon, authenticated;
revoke execute on function public.create_scan_counts_row() from public, anon, authenticated;
revoke execute on function public.notify_scan_count() from public, anon, authenticated;
