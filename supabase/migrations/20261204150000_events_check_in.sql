-- Events, their attendees, a log of every check-in attempt, and attendance counts.
--
-- Each event owns one venue code: a qr_codes row of kind 'venue' whose short link leads to the
-- self check-in page. Its scan_counts row also carries the event's attendance (checked_in and
-- expected), so the live pipeline that streams scan counts streams attendance too, with no
-- personal data in it.

alter table public.qr_codes drop constraint qr_codes_kind_check;
alter table public.qr_codes add constraint qr_codes_kind_check check (kind in ('url', 'message', 'venue'));
alter table public.qr_codes drop constraint qr_codes_content_matches_kind;
alter table public.qr_codes add constraint qr_codes_content_matches_kind check (
  (kind = 'url' and destination is not null and message is null)
  or (kind = 'message' and message is not null and destination is null)
  or (kind = 'venue' and destination is null and message is null)
);

alter table public.scan_counts
  add column checked_in integer not null default 0 check (checked_in >= 0),
  add column expected integer not null default 0 check (expected >= 0);

create table public.events (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 120),
  -- The venue code; its scan_counts row holds the attendance counts.
  code_id uuid not null unique references public.qr_codes (id),
  -- off: staff check people in; list: attendees check themselves in against the list by name
  -- or email; open: anyone checks in by name and is added as a walk-in.
  self_check_in text not null default 'off' check (self_check_in in ('off', 'list', 'open')),
  show_names_on_projector boolean not null default false,
  created_at timestamptz not null default now()
);

create index events_created_at_idx on public.events (created_at desc, id desc);

create table public.attendees (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  -- The order people were added in, for badges and exports.
  position bigint generated always as identity,
  -- The secret in the personal code (/t/<token>): 122 random bits, like share tokens.
  token text not null unique default replace(gen_random_uuid()::text, '-', ''),
  name text not null check (char_length(btrim(name)) between 1 and 200),
  email text check (char_length(email) <= 254),
  ticket_type text check (char_length(ticket_type) <= 100),
  -- Added at self check-in rather than from the list; walk-ins do not raise the expected count.
  walk_in boolean not null default false,
  checked_in_at timestamptz,
  -- The door or device label the check-in came from.
  checked_in_by text check (char_length(checked_in_by) <= 60),
  checked_out_at timestamptz,
  cancelled_at timestamptz,
  created_at timestamptz not null default now()
);

create index attendees_event_position_idx on public.attendees (event_id, position);
create unique index attendees_event_email_idx on public.attendees (event_id, lower(email)) where email is not null;
create index attendees_event_name_idx on public.attendees (event_id, lower(name));

-- Every check-in attempt, accepted or not, and every undo: the audit trail.
create table public.check_ins (
  id bigint generated always as identity primary key,
  event_id uuid not null references public.events (id) on delete cascade,
  attendee_id uuid references public.attendees (id) on delete set null,
  outcome text not null check (outcome in ('accepted', 'duplicate', 'unknown', 'cancelled', 'undone')),
  door text check (char_length(door) <= 60),
  method text not null check (method in ('scanner', 'search', 'badge', 'self', 'api', 'dashboard')),
  -- What was presented when no attendee matched, cut to 100 characters.
  presented text check (char_length(presented) <= 100),
  at timestamptz not null default now()
);

create index check_ins_event_at_idx on public.check_ins (event_id, at desc, id desc);

alter table public.events enable row level security;
alter table public.attendees enable row level security;
alter table public.check_ins enable row level security;
revoke all on public.events, public.attendees, public.check_ins from anon, authenticated;

-- Adds attendance changes to the events' counts rows. Increments rather than recounts: a
-- recount inside a transaction cannot see concurrent uncommitted check-ins and would lose them,
-- while `checked_in + n` is re-evaluated on the newest row after the row lock is granted.
create function public.apply_attendance_deltas(p_event_ids uuid[], p_expected integer[], p_checked_in integer[])
returns void
language sql as $$
  update public.scan_counts sc
  set expected = sc.expected + d.expected,
      checked_in = sc.checked_in + d.checked_in,
      version = sc.version + 1
  from unnest(p_event_ids, p_expected, p_checked_in) as d(event_id, expected, checked_in)
  join public.events e on e.id = d.event_id
  where sc.code_id = e.code_id and (d.expected <> 0 or d.checked_in <> 0)
$$;

-- One statement-level trigger function for insert, update and delete of attendees: a bulk
-- import of 5,000 rows updates the counts row once. A row counts as expected when it is on the
-- list and not cancelled, and as checked in when it is checked in and not cancelled.
create function public.attendees_maintain_counts() returns trigger
language plpgsql as $$
declare
  v_event_ids uuid[];
  v_expected integer[];
  v_checked_in integer[];
begin
  if tg_op = 'INSERT' then
    select array_agg(event_id), array_agg(expected), array_agg(checked_in)
    into v_event_ids, v_expected, v_checked_in
    from (
      select event_id,
        sum(case when cancelled_at is null and not walk_in then 1 else 0 end)::integer as expected,
        sum(case when cancelled_at is null and checked_in_at is not null then 1 else 0 end)::integer as checked_in
      from new_rows group by event_id
    ) d;
  elsif tg_op = 'DELETE' then
    select array_agg(event_id), array_agg(expected), array_agg(checked_in)
    into v_event_ids, v_expected, v_checked_in
    from (
      select event_id,
        -sum(case when cancelled_at is null and not walk_in then 1 else 0 end)::integer as expected,
        -sum(case when cancelled_at is null and checked_in_at is not null then 1 else 0 end)::integer as checked_in
      from old_rows group by event_id
    ) d;
  else
    select array_agg(event_id), array_agg(expected), array_agg(checked_in)
    into v_event_ids, v_expected, v_checked_in
    from (
      select event_id, sum(expected)::integer as expected, sum(checked_in)::integer as checked_in
      from (
        select event_id,
          case when cancelled_at is null and not walk_in then 1 else 0 end as expected,
          case when cancelled_at is null and checked_in_at is not null then 1 else 0 end as checked_in
        from new_rows
        union all
        select event_id,
          case when cancelled_at is null and not walk_in then -1 else 0 end,
          case when cancelled_at is null and checked_in_at is not null then -1 else 0 end
        from old_rows
      ) changes
      group by event_id
    ) d;
  end if;

  if v_event_ids is not null then
    perform public.apply_attendance_deltas(v_event_ids, v_expected, v_checked_in);
  end if;
  return null;
end
$$;

create trigger attendees_counts_after_insert
  after insert on public.attendees referencing new table as new_rows
  for each statement execute function public.attendees_maintain_counts();
create trigger attendees_counts_after_update
  after update on public.attendees referencing old table as old_rows new table as new_rows
  for each statement execute function public.attendees_maintain_counts();
create trigger attendees_counts_after_delete
  after delete on public.attendees referencing old table as old_rows
  for each statement execute function public.attendees_maintain_counts();

-- Live updates now carry attendance as well: counts and ids only.
create or replace function public.notify_scan_count() returns trigger
language plpgsql as $$
begin
  perform pg_notify(
    'scan_counts',
    json_build_object(
      'id', new.code_id,
      'scanCount', new.scan_count,
      'lastScannedAt', new.last_scanned_at,
      'checkedIn', new.checked_in,
      'expected', new.expected,
      'version', new.version
    )::text
  );
  return new;
end
$$;

-- Checks one attendee in, found by personal-code token or by id, and tells apart:
--   accepted   checked in now;
--   duplicate  already checked in, with the first time and door;
--   cancelled  the ticket is cancelled, checked in or not (cancelled wins over duplicate);
--   unknown    no attendee of this event has that token or id.
-- The check-in itself is the conditional update `where checked_in_at is null`: when several
-- doors present the same code at once, Postgres lets exactly one update through and the
-- others find the row already checked in. The select after it is a new statement, so it sees
-- the winner's committed time and door. Every attempt is written to check_ins.
create function public.check_in(p_event_id uuid, p_token text, p_attendee_id uuid, p_door text, p_method text)
returns table (outcome text, attendee_id uuid, attendee_name text, checked_in_at timestamptz, checked_in_by text)
language plpgsql as $$
declare
  v_id uuid := p_attendee_id;
  v_row public.attendees%rowtype;
begin
  if v_id is null then
    select a.id into v_id from public.attendees a where a.token = p_token and a.event_id = p_event_id;
  end if;

  update public.attendees a
  set checked_in_at = now(), checked_in_by = p_door, checked_out_at = null
  where a.id = v_id and a.event_id = p_event_id and a.checked_in_at is null and a.cancelled_at is null
  returning a.* into v_row;

  if found then
    insert into public.check_ins (event_id, attendee_id, outcome, door, method)
    values (p_event_id, v_row.id, 'accepted', p_door, p_method);
    return query select 'accepted'::text, v_row.id, v_row.name, v_row.checked_in_at, v_row.checked_in_by;
    return;
  end if;

  select a.* into v_row from public.attendees a where a.id = v_id and a.event_id = p_event_id;

  if not found then
    insert into public.check_ins (event_id, outcome, door, method, presented)
    values (p_event_id, 'unknown', p_door, p_method, left(coalesce(p_token, p_attendee_id::text), 100));
    return query select 'unknown'::text, null::uuid, null::text, null::timestamptz, null::text;
  elsif v_row.cancelled_at is not null then
    insert into public.check_ins (event_id, attendee_id, outcome, door, method)
    values (p_event_id, v_row.id, 'cancelled', p_door, p_method);
    return query select 'cancelled'::text, v_row.id, v_row.name, v_row.checked_in_at, v_row.checked_in_by;
  else
    -- Not cancelled and the update matched nothing: someone else checked this attendee in.
    insert into public.check_ins (event_id, attendee_id, outcome, door, method)
    values (p_event_id, v_row.id, 'duplicate', p_door, p_method);
    return query select 'duplicate'::text, v_row.id, v_row.name, v_row.checked_in_at, v_row.checked_in_by;
  end if;
end
$$;

-- Undoes a check-in. The log keeps the original check-in and adds an 'undone' entry.
-- Returns the attendee's id, or no row when the attendee was not checked in.
create function public.undo_check_in(p_event_id uuid, p_attendee_id uuid, p_door text)
returns table (attendee_id uuid)
language sql as $$
  with undone as (
    update public.attendees a
    set checked_in_at = null, checked_in_by = null, checked_out_at = null
    where a.id = p_attendee_id and a.event_id = p_event_id and a.checked_in_at is not null
    returning a.id
  ),
  logged as (
    insert into public.check_ins (event_id, attendee_id, outcome, door, method)
    select p_event_id, undone.id, 'undone', p_door, 'dashboard' from undone
  )
  select undone.id from undone
$$;

-- Self check-in at an event without a list: adds the person as a walk-in, checked in now.
-- A walk-in of the same name (ignoring case and spaces) counts as a duplicate, not a new person.
create function public.check_in_walk_in(p_event_id uuid, p_name text)
returns table (outcome text, attendee_id uuid, attendee_name text, checked_in_at timestamptz, checked_in_by text)
language plpgsql as $$
declare
  v_name text := regexp_replace(btrim(p_name), '\s+', ' ', 'g');
  v_row public.attendees%rowtype;
begin
  -- Serialises walk-ins of one event, so two taps of the same name cannot add two people.
  perform pg_advisory_xact_lock(hashtextextended(p_event_id::text, 0));

  select a.* into v_row from public.attendees a
  where a.event_id = p_event_id and a.walk_in and lower(a.name) = lower(v_name) and a.cancelled_at is null
  limit 1;

  if found then
    insert into public.check_ins (event_id, attendee_id, outcome, door, method)
    values (p_event_id, v_row.id, 'duplicate', 'self check-in', 'self');
    return query select 'duplicate'::text, v_row.id, v_row.name, v_row.checked_in_at, v_row.checked_in_by;
    return;
  end if;

  insert into public.attendees (event_id, name, walk_in, checked_in_at, checked_in_by)
  values (p_event_id, v_name, true, now(), 'self check-in')
  returning * into v_row;
  insert into public.check_ins (event_id, attendee_id, outcome, door, method)
  values (p_event_id, v_row.id, 'accepted', 'self check-in', 'self');
  return query select 'accepted'::text, v_row.id, v_row.name, v_row.checked_in_at, v_row.checked_in_by;
end
$$;

revoke execute on function public.apply_attendance_deltas(uuid[], integer[], integer[]) from public, anon, authenticated;
revoke execute on function public.attendees_maintain_counts() from public, anon, authenticated;
revoke execute on function public.check_in(uuid, text, uuid, text, text) from public, anon, authenticated;
revoke execute on function public.undo_check_in(uuid, uuid, text) from public, anon, authenticated;
revoke execute on function public.check_in_walk_in(uuid, text) from public, anon, authenticated;
