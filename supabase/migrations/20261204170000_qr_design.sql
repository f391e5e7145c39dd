-- The look of a code's QR: colours, error-correction level, quiet zone and an optional centred logo.
-- A code without a row here uses the defaults: black on white, level M, a margin of 4 modules.
-- lib/codes/qr-design.ts checks contrast and the logo's content; these checks keep out rows
-- that no renderer could use.

create table public.qr_designs (
  code_id uuid primary key references public.qr_codes (id) on delete cascade,
  -- Opaque colours as #rrggbb.
  foreground text not null default '#000000' check (foreground ~ '^#[0-9a-f]{6}$'),
  background text not null default '#ffffff' check (background ~ '^#[0-9a-f]{6}$'),
  error_correction text not null default 'M' check (error_correction in ('L', 'M', 'Q', 'H')),
  -- The quiet zone in modules. ISO/IEC 18004 asks for at least 4.
  margin integer not null default 4 check (margin between 4 and 16),
  logo bytea check (octet_length(logo) <= 102400),
  logo_content_type text check (logo_content_type in ('image/png', 'image/svg+xml')),
  -- The logo's width as a percentage of the symbol's width, quiet zone excluded.
  logo_width_percent integer not null default 20 check (logo_width_percent between 10 and 30),
  updated_at timestamptz not null default now(),
  constraint qr_designs_logo_has_type check ((logo is null) = (logo_content_type is null)),
  -- A logo hides modules, so only level H, which restores about 30% of the codewords, is allowed with one.
  constraint qr_designs_logo_needs_level_h check (logo is null or error_correction = 'H')
);

alter table public.qr_designs enable row level security;
revoke all on public.qr_designs from anon, authenticated;
