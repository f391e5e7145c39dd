-- Campaigns: named groups of codes (for example one code per poster) whose scan counts are
-- shown together. A code may belong to several campaigns. Counts are not copied here, because
-- pages read them from scan_counts and follow each code through the existing live pipeline.

create table public.campaigns (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 120),
  -- The secret part of the public projector link (/c/<share_token>): 122 random bits, like
  -- qr_codes.share_token.
  share_token text not null unique default replace(gen_random_uuid()::text, '-', ''),
  created_at timestamptz not null default now()
);

create index campaigns_created_at_idx on public.campaigns (created_at desc, id desc);

create table public.campaign_codes (
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  code_id uuid not null references public.qr_codes (id) on delete cascade,
  -- Display order within the campaign, lowest first.
  position integer not null check (position >= 0),
  primary key (campaign_id, code_id)
);

-- For the cascade from qr_codes and for "which campaigns contain this code".
create index campaign_codes_code_idx on public.campaign_codes (code_id);

alter table public.campaigns enable row level security;
alter table public.campaign_codes enable row level security;
revoke all on public.campaigns, public.campaign_codes from anon, authenticated;
