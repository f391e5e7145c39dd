-- API keys for the JSON API, and share links for projector pages.

-- Only a SHA-256 hash of each key is stored; the key itself is shown once, when it is created.
create table public.api_keys (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 80),
  -- The first characters of the key, so people can tell their keys apart in the list.
  key_prefix text not null,
  key_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

alter table public.api_keys enable row level security;
revoke all on public.api_keys from anon, authenticated;

-- The secret part of a projector link (/p/<share_token>). gen_random_uuid draws from a
-- cryptographically strong source, so the 32 hex digits carry 122 random bits.
alter table public.qr_codes
  add column share_token text not null unique default replace(gen_random_uuid()::text, '-', '');
