-- Honest counts: every hit is stored with a label, and only human scans count. Codes gain a
-- lifecycle (pause, expiry, a maximum number of scans, a fallback URL, archive), and deleted
-- slugs are never given out again.

alter table public.scans
  add column label text not null default 'human' check (label in ('human', 'bot', 'prefetch', 'head')),
  -- False for hits that did not change the count: labels other than human, and scans of a
  -- paused, expired or exhausted code.
  add column counted boolean not null default true,
  -- A hash of the client address and user agent with a salt that changes every day and is
  -- never stored: it tells scanners apart within one day without keeping their address.
  add column visitor_hash text check (char_length(visitor_hash) <= 64),
  -- ISO 3166-1 alpha-2, from the hosting platform's geo header when present.
  add column country text check (country ~ '^[A-Z]{2}$');

create index scans_code_id_label_idx on public.scans (code_id, label, scanned_at);

alter table public.qr_codes
  add column paused_at timestamptz,
  add column expires_at timestamptz,
  add column max_scans integer check (max_scans > 0),
  -- Where a paused, expired or exhausted code sends people instead of its closed page.
  add column fallback_url text check (char_length(fallback_url) <= 2048),
  add column archived_at timestamptz;

-- Slugs of deleted codes. A printed QR may outlive its code, so its slug must never lead
-- somewhere new.
create table public.retired_slugs (
  slug text primary key,
  retired_at timestamptz not null default now()
);

alter table public.retired_slugs enable row level security;
revoke all on public.retired_slugs from anon, authenticated;

create function public.retire_slug() returns trigger
language plpgsql as $$
begin
  insert into public.retired_slugs (slug) values (old.slug) on conflict do nothing;
  return old;
end
$$;

create trigger qr_codes_retire_slug
  after delete on public.qr_codes
  for each row execute function public.retire_slug();

create function public.refuse_retired_slug() returns trigger
language plpgsql as $$
begin
  if exists (select 1 from public.retired_slugs r where r.slug = new.slug) then
    raise exception 'slug % belonged to a deleted code', new.slug using errcode = '23505';
  end if;
  return new;
end
$$;

create trigger qr_codes_refuse_retired_slug
  before insert on public.qr_codes
  for each row execute function public.refuse_retired_slug();

drop function public.record_scan(text, text, text, inet);
drop function public.record_scans(text[], text[], text[], inet[]);

-- Records a batch of hits and returns, for each hit whose slug exists, what the scan route
-- needs. `ordinal` is the hit's 1-based position in the input arrays. `status` is one of:
--   counted    a human scan that raised the count; `scan_count` includes it;
--   uncounted  a bot, prefetch or HEAD hit of an open code: stored, not counted;
--   paused, expired, exhausted  the code is closed; stored, not counted.
-- Unknown slugs return no row and store nothing.
--
-- The cap is exact under concurrency: the counts rows are locked (`for update`) before the
-- count is read, so concurrent batches take turns, and each adds at most what is left below
-- max_scans. Within a batch, earlier hits win. A batch adds all its counted scans of one code
-- in one update, which notifies listeners once; hits that count nothing do not touch the
-- counts row, so they send no live update.
create function public.record_scans(
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
    select input.*, c.id as code_id, c.kind, c.destination, c.message, c.fallback_url, c.max_scans,
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

revoke execute on function public.record_scans(text[], text[], text[], inet[], text[], text[], text[]) from public, anon, authenticated;
revoke execute on function public.retire_slug() from public, anon, authenticated;
revoke execute on function public.refuse_retired_slug() from public, anon, authenticated;
