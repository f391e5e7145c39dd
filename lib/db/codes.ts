import type { CodeKind, QrCode, ScanCount } from '@/lib/codes/types'
import type { Queryable } from '@/lib/db/types'

interface CodeRow {
  id: string
  slug: string
  kind: CodeKind
  title: string | null
  destination: string | null
  message: string | null
  short_url: string
  qr_svg: string
  share_token: string
  created_at: Date
  scan_count: number
  last_scanned_at: Date | null
  paused_at: Date | null
  expires_at: Date | null
  max_scans: number | null
  fallback_url: string | null
  archived_at: Date | null
}

interface CountRow {
  code_id: string
  scan_count: number
  last_scanned_at: Date | null
  checked_in: number
  expected: number
  version: number
}

const CODE_COLUMNS = `
  c.id, c.slug, c.kind, c.title, c.destination, c.message, c.short_url, c.qr_svg, c.share_token, c.created_at,
  coalesce(sc.scan_count, 0) as scan_count, sc.last_scanned_at,
  c.paused_at, c.expires_at, c.max_scans, c.fallback_url, c.archived_at
`

function toQrCode(row: CodeRow): QrCode {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    destination: row.destination,
    message: row.message,
    shortUrl: row.short_url,
    qrSvg: row.qr_svg,
    shareToken: row.share_token,
    scanCount: row.scan_count,
    lastScannedAt: row.last_scanned_at,
    createdAt: row.created_at,
    pausedAt: row.paused_at,
    expiresAt: row.expires_at,
    maxScans: row.max_scans,
    fallbackUrl: row.fallback_url,
    archivedAt: row.archived_at,
  }
}

export function toScanCount(row: CountRow): ScanCount {
  return {
    id: row.code_id,
    scanCount: row.scan_count,
    lastScannedAt: row.last_scanned_at ? row.last_scanned_at.toISOString() : null,
    checkedIn: row.checked_in,
    expected: row.expected,
    version: row.version,
  }
}

export interface NewCodeRow {
  slug: string
  kind: CodeKind
  title: string | null
  destination: string | null
  message: string | null
  shortUrl: string
  qrSvg: string
}

/**
 * Inserts a code and returns it, or returns null when the slug is taken or belonged to a deleted code.
 * The same statement writes the code.created webhook event for the endpoints that want it.
 */
export async function insertCode(db: Queryable, code: NewCodeRow): Promise<QrCode | null> {
  // `enqueued` is a plain select, which Postgres runs only when the outer query reads it: the
  // cross join with its count makes it run once per inserted code.
  const rows = await db.query<CodeRow>(
    `with inserted as (
       insert into public.qr_codes as c (slug, kind, title, destination, message, short_url, qr_svg)
       select $1, $2, $3, $4, $5, $6, $7
       where not exists (select 1 from public.retired_slugs r where r.slug = $1)
       on conflict (slug) do nothing
       returning c.*
     ),
     enqueued as (
       select public.enqueue_webhook_event(
         'code.created',
         i.id,
         jsonb_build_object(
           'code', jsonb_build_object('id', i.id, 'slug', i.slug, 'title', i.title),
           'kind', i.kind,
           'destination', i.destination,
           'shortUrl', i.short_url,
           'createdAt', i.created_at
         )
       )
       from inserted i
     )
     select c.id, c.slug, c.kind, c.title, c.destination, c.message, c.short_url, c.qr_svg, c.share_token, c.created_at,
       0 as scan_count, null::timestamptz as last_scanned_at,
       c.paused_at, c.expires_at, c.max_scans, c.fallback_url, c.archived_at
     from inserted c cross join (select count(*) from enqueued) as enqueued_count`,
    [code.slug, code.kind, code.title, code.destination, code.message, code.shortUrl, code.qrSvg],
  )
  return rows[0] ? toQrCode(rows[0]) : null
}

/** Returns the code whose `column` equals `value`, or null. `column` is one of a fixed set, never user input. */
async function findCodeWhere(db: Queryable, column: 'id' | 'slug' | 'share_token', value: string): Promise<QrCode | null> {
  const rows = await db.query<CodeRow>(
    `select ${CODE_COLUMNS}
     from public.qr_codes c left join public.scan_counts sc on sc.code_id = c.id
     where c.${column} = $1`,
    [value],
  )
  return rows[0] ? toQrCode(rows[0]) : null
}

export function findCodeById(db: Queryable, id: string): Promise<QrCode | null> {
  return findCodeWhere(db, 'id', id)
}

export function findCodeBySlug(db: Queryable, slug: string): Promise<QrCode | null> {
  return findCodeWhere(db, 'slug', slug)
}

export function findCodeByShareToken(db: Queryable, shareToken: string): Promise<QrCode | null> {
  return findCodeWhere(db, 'share_token', shareToken)
}

/** Lists codes newest first, with the total number of codes for pagination. */
export async function listCodes(
  db: Queryable,
  { limit, offset, archived = false }: { limit: number; offset: number; archived?: boolean },
): Promise<{ codes: QrCode[]; total: number }> {
  const rows = await db.query<CodeRow & { total: number }>(
    `select ${CODE_COLUMNS}, count(*) over ()::int as total
     from public.qr_codes c left join public.scan_counts sc on sc.code_id = c.id
     where c.kind <> 'venue' and (c.archived_at is not null) = $3
     order by c.created_at desc, c.id desc
     limit $1 offset $2`,
    [limit, offset, archived],
  )
  if (rows.length > 0) return { codes: rows.map(toQrCode), total: rows[0]?.total ?? 0 }

  // An offset past the end returns no rows, and so no window total either.
  const totals = await db.query<{ total: number }>(
    "select count(*)::int as total from public.qr_codes where kind <> 'venue' and (archived_at is not null) = $1",
    [archived],
  )
  return { codes: [], total: totals[0]?.total ?? 0 }
}

export async function findScanCounts(db: Queryable, ids: readonly string[]): Promise<ScanCount[]> {
  if (ids.length === 0) return []
  const rows = await db.query<CountRow>(
    `select code_id, scan_count, last_scanned_at, checked_in, expected, version
     from public.scan_counts
     where code_id = any($1::uuid[])`,
    [ids],
  )
  return rows.map(toScanCount)
}

/** Gives the code a new share token, so the old projector link stops working. Returns false when there is no such code. */
export async function rotateShareToken(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query(
    "update public.qr_codes set share_token = replace(gen_random_uuid()::text, '-', '') where id = $1 returning id",
    [id],
  )
  return rows.length > 0
}

export interface CodeChanges {
  title?: string | null
  destination?: string
  paused?: boolean
  expiresAt?: Date | null
  maxScans?: number | null
  fallbackUrl?: string | null
  archived?: boolean
}

/**
 * Changes a code's title, destination and lifecycle in one statement; fields left undefined
 * keep their value. The slug, and so the printed QR, never changes. Returns false when there
 * is no such code, or when a destination is given for a code that is not a URL code.
 */
export async function updateCode(db: Queryable, id: string, changes: CodeChanges): Promise<boolean> {
  const has = (value: unknown) => value !== undefined
  const rows = await db.query(
    `update public.qr_codes set
       title = case when $2 then $3 else title end,
       destination = case when $4 then $5 else destination end,
       paused_at = case when $6 then (case when $7 then coalesce(paused_at, now()) else null end) else paused_at end,
       expires_at = case when $8 then $9::timestamptz else expires_at end,
       max_scans = case when $10 then $11::integer else max_scans end,
       fallback_url = case when $12 then $13 else fallback_url end,
       archived_at = case when $14 then (case when $15 then coalesce(archived_at, now()) else null end) else archived_at end
     where id = $1 and (not $4 or kind = 'url')
     returning id`,
    [
      id,
      has(changes.title), changes.title ?? null,
      has(changes.destination), changes.destination ?? null,
      has(changes.paused), changes.paused ?? false,
      has(changes.expiresAt), changes.expiresAt ?? null,
      has(changes.maxScans), changes.maxScans ?? null,
      has(changes.fallbackUrl), changes.fallbackUrl ?? null,
      has(changes.archived), changes.archived ?? false,
    ],
  )
  return rows.length > 0
}

/** Deletes a code and its scans; its slug is retired and never given out again. */
export async function deleteCode(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query("delete from public.qr_codes where id = $1 and kind <> 'venue' returning id", [id])
  return rows.length > 0
}
