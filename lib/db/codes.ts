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
  coalesce(sc.scan_count, 0) as scan_count, sc.last_scanned_at
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

/** Inserts a code and returns it, or returns null when the slug is taken or belonged to a deleted code. */
export async function insertCode(db: Queryable, code: NewCodeRow): Promise<QrCode | null> {
  const rows = await db.query<CodeRow>(
    `insert into public.qr_codes as c (slug, kind, title, destination, message, short_url, qr_svg)
     select $1, $2, $3, $4, $5, $6, $7
     where not exists (select 1 from public.retired_slugs r where r.slug = $1)
     on conflict (slug) do nothing
     returning c.id, c.slug, c.kind, c.title, c.destination, c.message, c.short_url, c.qr_svg, c.share_token, c.created_at,
       0 as scan_count, null::timestamptz as last_scanned_at`,
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
  { limit, offset }: { limit: number; offset: number },
): Promise<{ codes: QrCode[]; total: number }> {
  const rows = await db.query<CodeRow & { total: number }>(
    `select ${CODE_COLUMNS}, count(*) over ()::int as total
     from public.qr_codes c left join public.scan_counts sc on sc.code_id = c.id
     where c.kind <> 'venue'
     order by c.created_at desc, c.id desc
     limit $1 offset $2`,
    [limit, offset],
  )
  if (rows.length > 0) return { codes: rows.map(toQrCode), total: rows[0]?.total ?? 0 }

  // An offset past the end returns no rows, and so no window total either.
  const totals = await db.query<{ total: number }>("select count(*)::int as total from public.qr_codes where kind <> 'venue'")
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
