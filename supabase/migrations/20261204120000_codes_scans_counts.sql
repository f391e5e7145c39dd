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

-- Records one scan of the code with `p_slug` and returns what the scan route needs, in one
-- statement: the row lock on scan_counts serialises concurrent scans of one code, so none is lost.
-- Returns no row when the slug is unknown.
create function public.record_scan(p_slug text, p_user_agent text, p_referrer text, p_ip inet)
returns table (code_id uuid, kind text, destination text, message text, scan_count integer)
language sql as $$
  with code as (
    select c.id, c.kind, c.destination, c.message
    from public.qr_codes c
    where c.slug = p_slug
  ),
  inserted_scan as (
    insert into public.scans (code_id, user_agent, referrer, ip)
    select code.id, p_user_agent, p_referrer, p_ip from code
  ),
  counted as (
    update public.scan_counts sc
    set scan_count = sc.scan_count + 1, last_scanned_at = now(), version = sc.version + 1
    from code
    where sc.code_id = code.id
    returning sc.scan_count
  )
  select code.id, code.kind, code.destination, code.message, counted.scan_count
  from code cross join counted
$$;
