-- QR codes, their scans, and the per-code counts that live updates read.

create table public.qr_codes (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]{7}$'),
  kind text not null check (kind in ('url', 'message')),
  title text check (char_length(title) <= 120),
  destination text check (char_length(destination) <= 2048),
  message text check (char_length(message) <= 1000),
  -- The absolute short link the QR encodes, fixed at creation like the printed image.
  short_url text not null,
  qr_svg text not null,
  created_at timestamptz not null default now(),
  constraint qr_codes_content_matches_kind check (
    (kind = 'url' and destination is not null and message is null)
    or (kind = 'message' and message is not null and destination is null)
  )
);

create index qr_codes_created_at_idx on public.qr_codes (created_at desc, id desc);

-- One row per counted scan. The IP address stays null unless SCAN_CAPTURE_IP is on.
create table public.scans (
  id bigint generated always as identity primary key,
  code_id uuid not null references public.qr_codes (id) on delete cascade,
  scanned_at timestamptz not null default now(),
  user_agent text,
  referrer text,
  ip inet
);

create index scans_code_id_scanned_at_idx on public.scans (code_id, scanned_at desc);

-- The only table that live updates read, so no personal data travels with them.
-- `version` grows by one on every change, so a client can tell a fresh value from a stale one.
create table public.scan_counts (
  code_id uuid primary key references public.qr_codes (id) on delete cascade,
  scan_count integer not null default 0 check (scan_count >= 0),
  last_scanned_at timestamptz,
  version bigint not null default 0
);

alter table public.qr_codes enable row level security;
alter table public.scans enable row level security;
alter table public.scan_counts enable row level security;

create function public.create_scan_counts_row() returns trigger
language plpgsql as $$
begin
  insert into public.scan_counts (code_id) values (new.id);
  return new;
end
$$;

create trigger qr_codes_create_scan_counts_row
  after insert on public.qr_codes
  for each row execute function public.create_scan_counts_row();

-- Notifies LISTEN clients of every count change. Postgres delivers it when the transaction commits.
create function public.notify_scan_count() returns trigger
language plpgsql as $$
begin
  perform pg_notify(
    'scan_counts',
    json_build_object(
      'id', new.code_id,
      'scanCount', new.scan_count,
      'lastScannedAt', new.last_scanned_at,
      'version', new.version
    )::text
  );
  return new;
end
$$;

create trigger scan_counts_notify
  after update on public.scan_counts
  for each row execute function public.notify_scan_count();

-- Records a batch of scans and returns, for each scan whose slug exists, what the scan route
-- needs: `ordinal` is the scan's 1-based position in the input arrays, and `scan_count` is the
-- code's count including that scan. Unknown slugs return no row. It is one statement: the row
-- lock on scan_counts serialises concurrent batches, so no scan is lost or counted twice, and
-- a batch adds all its scans of one code in one update, which notifies listeners once.
create function public.record_scans(p_slugs text[], p_user_agents text[], p_referrers text[], p_ips inet[])
returns table (ordinal integer, code_id uuid, kind text, destination text, message text, scan_count integer)
language sql as $$
  with input as (
    select t.slug, t.user_agent, t.referrer, t.ip, t.ordinal::integer as ordinal
    from unnest(p_slugs, p_user_agents, p_referrers, p_ips) with ordinality as t(slug, user_agent, referrer, ip, ordinal)
  ),
  matched as (
    select input.*, c.id as code_id, c.kind, c.destination, c.message
    from input
    join public.qr_codes c on c.slug = input.slug
  ),
  inserted_scans as (
    insert into public.scans (code_id, user_agent, referrer, ip)
    select matched.code_id, matched.user_agent, matched.referrer, matched.ip
    from matched
    order by matched.ordinal
  ),
  per_code as (
    select matched.code_id, count(*)::integer as added
    from matched
    group by matched.code_id
  ),
  counted as (
    update public.scan_counts sc
    set scan_count = sc.scan_count + per_code.added, last_scanned_at = now(), version = sc.version + 1
    from per_code
    where sc.code_id = per_code.code_id
    returning sc.code_id, sc.scan_count, per_code.added
  )
  select
    matched.ordinal,
    matched.code_id,
    matched.kind,
    matched.destination,
    matched.message,
    (counted.scan_count - counted.added
      + row_number() over (partition by matched.code_id order by matched.ordinal))::integer
  from matched
  join counted on counted.code_id = matched.code_id
  order by matched.ordinal
$$;

-- Records one scan; see record_scans. Returns no row when the slug is unknown.
create function public.record_scan(p_slug text, p_user_agent text, p_referrer text, p_ip inet)
returns table (code_id uuid, kind text, destination text, message text, scan_count integer)
language sql as $$
  select r.code_id, r.kind, r.destination, r.message, r.scan_count
  from public.record_scans(array[p_slug], array[p_user_agent], array[p_referrer], array[p_ip]) r
$$;
