import type { CodeKind } from '@/lib/codes/types'
import type { Queryable } from '@/lib/db/types'

export type ScanLabel = 'human' | 'bot' | 'prefetch' | 'head'

/** The outcome of a hit: it raised the count, was stored only, or met a closed code. */
export type ScanStatus = 'counted' | 'uncounted' | 'paused' | 'expired' | 'exhausted'

export interface ScanInput {
  userAgent: string | null
  referrer: string | null
  /** Null unless IP capture is switched on. */
  ip: string | null
  /** The hit's label, human by default; only human scans count. */
  label?: ScanLabel
  /** The day's salted hash of address and user agent, for unique scanners. */
  visitorHash?: string | null
  country?: string | null
}

export interface RecordedScan {
  codeId: string
  kind: CodeKind
  destination: string | null
  message: string | null
  /** The code's count after this hit: including it when it counted. */
  scanCount: number
  status: ScanStatus
  fallbackUrl: string | null
}

export interface ScanRecord {
  id: number
  scannedAt: Date
  userAgent: string | null
  referrer: string | null
  label: ScanLabel
  counted: boolean
}

/** Records one hit in one round trip and returns the code's target, or null for an unknown slug. */
export async function recordScan(db: Queryable, slug: string, scan: ScanInput): Promise<RecordedScan | null> {
  const [result] = await recordScans(db, [{ ...scan, slug }])
  return result ?? null
}

export interface BatchScanInput extends ScanInput {
  slug: string
}

/**
 * Records several hits in one statement and returns one result per input, in order: null
 * where the slug is unknown. Each counted result's scanCount includes that scan.
 */
export async function recordScans(db: Queryable, scans: readonly BatchScanInput[]): Promise<(RecordedScan | null)[]> {
  const rows = await db.query<{
    ordinal: number
    code_id: string
    kind: CodeKind
    destination: string | null
    message: string | null
    scan_count: number
    status: ScanStatus
    fallback_url: string | null
  }>('select * from public.record_scans($1::text[], $2::text[], $3::text[], $4::inet[], $5::text[], $6::text[], $7::text[])', [
    scans.map((scan) => scan.slug),
    scans.map((scan) => scan.userAgent),
    scans.map((scan) => scan.referrer),
    scans.map((scan) => scan.ip),
    scans.map((scan) => scan.label ?? 'human'),
    scans.map((scan) => scan.visitorHash ?? null),
    scans.map((scan) => scan.country ?? null),
  ])

  const results: (RecordedScan | null)[] = scans.map(() => null)
  for (const row of rows) {
    results[row.ordinal - 1] = {
      codeId: row.code_id,
      kind: row.kind,
      destination: row.destination,
      message: row.message,
      scanCount: row.scan_count,
      status: row.status,
      fallbackUrl: row.fallback_url,
    }
  }
  return results
}

export async function listRecentScans(db: Queryable, codeId: string, limit: number): Promise<ScanRecord[]> {
  const rows = await db.query<{ id: number; scanned_at: Date; user_agent: string | null; referrer: string | null; label: ScanLabel; counted: boolean }>(
    `select id, scanned_at, user_agent, referrer, label, counted
     from public.scans
     where code_id = $1
     order by scanned_at desc, id desc
     limit $2`,
    [codeId, limit],
  )
  return rows.map((row) => ({
    id: row.id,
    scannedAt: row.scanned_at,
    userAgent: row.user_agent,
    referrer: row.referrer,
    label: row.label,
    counted: row.counted,
  }))
}
