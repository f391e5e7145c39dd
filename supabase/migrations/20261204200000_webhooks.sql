-- Webhooks: endpoints that receive signed events, and a transactional outbox for those events.
--
-- An event row is written by the same statement as the scan, check-in or code that causes it,
-- so an event exists if and only if its cause was committed. Each event gets one delivery row
-- per endpoint that wanted it when it happened; workers claim due deliveries with
-- `for update skip locked` and hold a lease (locked_until) while they send, outside any
-- transaction, so a slow receiver never holds a lock or the embedded database's connection.

create table public.webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  url text not null check (char_length(url) <= 2048),
  description text check (char_length(description) <= 200),
  -- The event types this endpoint receives.
  events text[] not null check (
    cardinality(events) > 0 and events <@ array['scan.recorded', 'checkin.accepted', 'code.created']
  ),
  -- Null for every code; otherwise only events of these codes.
  code_ids uuid[],
  -- The HMAC-SHA256 key for signatures. Stored as is because signing needs it; the API shows it
  -- only when the endpoint is created and when it is rotated.
  secret text not null check (char_length(secret) between 32 and 128),
  secret_rotated_at timestamptz,
  -- A paused endpoint receives no new events, and its pending deliveries wait until it resumes.
  paused_at timestamptz,
  created_at timestamptz not null default now()
);

create index webhook_endpoints_created_at_idx on public.webhook_endpoints (created_at desc, id desc);

create table public.webhook_events (
  -- The event id that receivers see, the same on every attempt.
  id uuid primary key default gen_random_uuid(),
  -- webhook.test events come from the settings page and go to one endpoint only.
  type text not null check (type in ('scan.recorded', 'checkin.accepted', 'code.created', 'webhook.test')),
  -- No foreign key: the event outlives a deleted code, and `data` keeps what the payload needs.
  code_id uuid,
  data jsonb not null,
  created_at timestamptz not null default now()
);

create table public.webhook_deliveries (
  id bigint generated always as identity primary key,
  event_id uuid not null references public.webhook_events (id) on delete cascade,
  endpoint_id uuid not null references public.webhook_endpoints (id) on delete cascade,
  -- pending: waits for next_attempt_at; delivering: a worker holds it until locked_until;
  -- succeeded: a 2xx response; failed: no 2xx within the retry window.
  status text not null default 'pending' check (status in ('pending', 'delivering', 'succeeded', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  locked_until timestamptz,
  last_attempt_at timestamptz,
  last_status_code integer,
  last_error text check (char_length(last_error) <= 500),
  last_latency_ms integer,
  created_at timestamptz not null default now(),
  unique (event_id, endpoint_id)
);

create index webhook_deliveries_due_idx on public.webhook_deliveries (next_attempt_at) where status in ('pending', 'delivering');
create index webhook_deliveries_endpoint_idx on public.webhook_deliveries (endpoint_id, created_at desc, id desc);

alter table public.webhook_endpoints enable row level security;
alter table public.webhook_events enable row level security;
alter table public.webhook_deliveries enable row level security;
revoke all on public.webhook_endpoints, public.webhook_events, public.webhook_deliveries from anon, authenticated;

-- Writes one event of `p_type` for `p_code_id`, and one delivery per active endpoint that wants
-- it, inside the caller's statement. Writes nothing when no endpoint wants it.
create function public.enqueue_webhook_event(p_type text, p_code_id uuid, p_data jsonb)
returns void
language sql as $$
  with targets as (
    select e.id from public.webhook_endpoints e
    where e.paused_at is null and p_type = any(e.events) and (e.code_ids is null or p_code_id = any(e.code_ids))
  ),
  event as (
    insert into public.webhook_events (type, code_id, data)
    select p_type, p_code_id, p_data
    where exists (select 1 from targets)
    returning id
  )
  insert into public.webhook_deliveries (event_id, endpoint_id)
  select event.id, targets.id from event cross join targets
$$;

-- Unchanged signature and result (see 20261204160000_honest_counts_and_lifecycle.sql), plus
-- the outbox: one scan.recorded event per counted scan whose code an active endpoint follows.
create or replace function public.record_scans(
  p_slugs text[],
  p_user_agents text[],
  p_referrers text[],
  p_ips inet[],
  p_labels text[],
  p_visitor_hashes text[],
  p_countries text[]
)
returns table (
  ordinal integer,
  code_id uuid,
  kind text,
  destination text,
  message text,
  scan_count integer,
  status text,
  fallback_url text
)
language sql as $$
  with input as (
    select t.slug, t.user_agent, t.referrer, t.ip, t.label, t.visitor_hash, t.country, t.ordinal::integer as ordinal
    from unnest(p_slugs, p_user_agents, p_referrers, p_ips, p_labels, p_visitor_hashes, p_countries)
      with ordinality as t(slug, user_agent, referrer, ip, label, visitor_hash, country, ordinal)
  ),
  matched as (
    select input.*, c.id as code_id, c.kind, c.destination, c.message, c.fallback_url, c.max_scans, c.title,
      case
        when c.paused_at is not null then 'paused'
        when c.expires_at is not null and c.expires_at <= now() then 'expired'
      end as closed
    from input
    join public.qr_codes c on c.slug = input.slug
  ),
  wanted as (
    select m.code_id, count(*)::integer as added, max(m.max_scans) as max_scans
    from matched m
    where m.label = 'human' and m.closed is null
    group by m.code_id
  ),
  locked as (
    select sc.code_id, sc.scan_count as before
    from public.scan_counts sc
    where sc.code_id in (select w.code_id from wanted w)
    order by sc.code_id
    for update
  ),
  counted as (
    update public.scan_counts sc
    set scan_count = least(coalesce(w.max_scans, 2147483647), l.before + w.added),
        last_scanned_at = now(),
        version = sc.version + 1
    from wanted w
    join locked l on l.code_id = w.code_id
    where sc.code_id = w.code_id and (w.max_scans is null or l.before < w.max_scans)
    returning sc.code_id, l.before, sc.scan_count as after
  ),
  ranked as (
    select m.*,
      row_number() over (partition by m.code_id, (m.label = 'human' and m.closed is null) order by m.ordinal) as rank_in_code
    from matched m
  ),
  decided as (
    select r.*,
      coalesce(cnt.before, l.before, sc.scan_count) as before,
      case
        when r.closed is not null then r.closed
        when r.label <> 'human' then
          case when r.max_scans is not null and coalesce(cnt.after, l.before, sc.scan_count) >= r.max_scans then 'exhausted' else 'uncounted' end
        when cnt.code_id is not null and cnt.before + r.rank_in_code <= cnt.after then 'counted'
        else 'exhausted'
      end as status
    from ranked r
    left join counted cnt on cnt.code_id = r.code_id
    left join locked l on l.code_id = r.code_id
    left join public.scan_counts sc on sc.code_id = r.code_id
  ),
  inserted as (
    insert into public.scans (code_id, user_agent, referrer, ip, label, counted, visitor_hash, country)
    select d.code_id, d.user_agent, d.referrer, d.ip, d.label, d.status = 'counted', d.visitor_hash, d.country
    from decided d
    order by d.ordinal
    returning id, code_id, scanned_at, user_agent, referrer, ip, label, country, counted
  ),
  webhook_targets as (
    select e.id as endpoint_id, e.code_ids
    from public.webhook_endpoints e
    where e.paused_at is null and 'scan.recorded' = any(e.events)
  ),
  webhook_scans as (
    select i.*, gen_random_uuid() as event_id
    from inserted i
    where i.counted
      and exists (select 1 from webhook_targets t where t.code_ids is null or i.code_id = any(t.code_ids))
  ),
  scan_events as (
    insert into public.webhook_events (id, type, code_id, data, created_at)
    select ws.event_id, 'scan.recorded', ws.code_id,
      jsonb_build_object(
        'code', jsonb_build_object('id', c.id, 'slug', c.slug, 'title', c.title),
        'scan', jsonb_build_object(
          'id', ws.id,
          'scannedAt', ws.scanned_at,
          'label', ws.label,
          'userAgent', ws.user_agent,
          'referrer', ws.referrer,
          'country', ws.country,
          'ip', host(ws.ip)
        )
      ),
      ws.scanned_at
    from webhook_scans ws
    join public.qr_codes c on c.id = ws.code_id
    returning id, code_id
  ),
  scan_deliveries as (
    insert into public.webhook_deliveries (event_id, endpoint_id)
    select we.id, t.endpoint_id
    from scan_events we
    join webhook_targets t on t.code_ids is null or we.code_id = any(t.code_ids)
  )
  select
    d.ordinal,
    d.code_id,
    d.kind,
    d.destination,
    d.message,
    (case when d.status = 'counted' then d.before + d.rank_in_code else coalesce(cnt.after, d.before) end)::integer,
    d.status,
    d.fallback_url
  from decided d
  left join counted cnt on cnt.code_id = d.code_id
  order by d.ordinal
$$;

-- Unchanged (see 20261204150000_events_check_in.sql), plus a checkin.accepted event on outcome
-- 'accepted', written in the same transaction as the check-in.
create or replace function public.check_in(p_event_id uuid, p_token text, p_attendee_id uuid, p_door text, p_method text)
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
    perform public.enqueue_check_in_webhook(p_event_id, v_row, p_method);
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

-- Writes the checkin.accepted event of an attendee just checked in. The payload names the
-- attendee but leaves out their email address and personal-code token.
create function public.enqueue_check_in_webhook(p_event_id uuid, p_attendee public.attendees, p_method text)
returns void
language sql as $$
  select public.enqueue_webhook_event(
    'checkin.accepted',
    c.id,
    jsonb_build_object(
      'code', jsonb_build_object('id', c.id, 'slug', c.slug, 'title', c.title),
      'event', jsonb_build_object('id', e.id, 'name', e.name),
      'attendee', jsonb_build_object(
        'id', p_attendee.id,
        'name', p_attendee.name,
        'ticketType', p_attendee.ticket_type,
        'walkIn', p_attendee.walk_in
      ),
      'checkIn', jsonb_build_object('at', p_attendee.checked_in_at, 'door', p_attendee.checked_in_by, 'method', p_method)
    )
  )
  from public.events e
  join public.qr_codes c on c.id = e.code_id
  where e.id = p_event_id
$$;

-- Unchanged (see 20261204150000_events_check_in.sql), plus checkin.accepted for a new walk-in.
create or replace function public.check_in_walk_in(p_event_id uuid, p_name text)
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
  perform public.enqueue_check_in_webhook(p_event_id, v_row, 'self');
  return query select 'accepted'::text, v_row.id, v_row.name, v_row.checked_in_at, v_row.checked_in_by;
end
$$;

revoke execute on function public.enqueue_webhook_event(text, uuid, jsonb) from public, anon, authenticated;
revoke execute on function public.enqueue_check_in_webhook(uuid, public.attendees, text) from public, anon, authenticated;
