import type { CodeKind } from '@/lib/codes/types'
import type { Queryable } from '@/lib/db/types'

export interface ScanInput {
  userAgent: string | null
  referrer: string | null
  /** Null unless IP capture is switched on. */
  ip: string | null
}

export interface RecordedScan {
  codeId: string
  kind: CodeKind
  destination: string | null
  message: string | null
  scanCount: number
}

export interface ScanRecord {
  id: number
  scannedAt: Date
  userAgent: string | null
  referrer: string | null
}

/** Records a scan in one round trip and returns the code's target, or null for an unknown slug. */
export async function recordScan(db: Queryable, slug: string, scan: ScanInput): Promise<RecordedScan | null> {
  const rows = await db.query<{
    code_id: string
    kind: CodeKind
    destination: string | null
    message: string | null
    scan_count: number
  }>('select * from public.record_scan($1, $2, $3, $4)', [slug, scan.userAgent, scan.referrer, scan.ip])

  const row = rows[0]
  if (!row) return null
  return {
    codeId: row.code_id,
    kind: row.kind,
    destination: row.destination,
    message: row.message,
    scanCount: row.scan_count,
  }
}

export interface BatchScanInput extends ScanInput {
  slug: string
}

/**
 * Records several scans in one statement and returns one result per input, in order: null
 * where the slug is unknown. Each result's scanCount includes that scan.
 */
export async function recordScans(db: Queryable, scans: readonly BatchScanInput[]): Promise<(RecordedScan | null)[]> {
  const rows = await db.query<{
    ordinal: number
    code_id: string
    kind: CodeKind
    destination: string | null
    message: string | null
    scan_count: number
  }>('select * from public.record_scans($1::text[], $2::text[], $3::text[], $4::inet[])', [
    scans.map((scan) => scan.slug),
    scans.map((scan) => scan.userAgent),
    scans.map((scan) => scan.referrer),
    scans.map((scan) => scan.ip),
  ])

  const results: (RecordedScan | null)[] = scans.map(() => null)
  for (const row of rows) {
    results[row.ordinal - 1] = {
      codeId: row.code_id,
      kind: row.kind,
      destination: row.destination,
      message: row.message,
      scanCount: row.scan_count,
    }
  }
  return results
}

export async function listRecentScans(db: Queryable, codeId: string, limit: number): Promise<ScanRecord[]> {
  const rows = await db.query<{ id: number; scanned_at: Date; user_agent: string | null; referrer: string | null }>(
    `select id, scanned_at, user_agent, referrer
     from public.scans
     where code_id = $1
     order by scanned_at desc, id desc
     limit $2`,
    [codeId, limit],
  )
  return rows.map((row) => ({ id: row.id, scannedAt: row.scanned_at, userAgent: row.user_agent, referrer: row.referrer }))
}
