import 'server-only'

import { getDatabase } from '@/lib/db'
import { listRecentScans, recordScans, type RecordedScan } from '@/lib/db/scans'
import { getServerEnv } from '@/lib/env'
import { logger } from '@/lib/logger'
import { ScanBatcher } from '@/lib/scans/scan-batcher'

export const MAX_STORED_USER_AGENT = 512
export const MAX_STORED_REFERRER = 2048

/**
 * Returns the client address to store, or null unless SCAN_CAPTURE_IP is on. It is the
 * right-most X-Forwarded-For entry: the one the nearest proxy appended (Vercel overwrites the
 * header with the client's address). Next's own server fills the header from the socket only
 * when it is absent.
 * NOTE: without a proxy in front, a client can choose this value by sending the header.
 */
function captureClientIp(headers: Headers): string | null {
  if (!getServerEnv().SCAN_CAPTURE_IP) return null
  const hops = headers.get('x-forwarded-for')?.split(',').map((hop) => hop.trim()).filter(Boolean) ?? []
  const ip = hops.at(-1)?.replace(/^::ffff:/, '')
  return ip && /^[0-9a-f.:]+$/i.test(ip) ? ip : null
}

function truncate(value: string | null, maxLength: number): string | null {
  if (!value) return null
  return value.length > maxLength ? value.slice(0, maxLength) : value
}

const globalForBatcher = globalThis as typeof globalThis & { scanboardScanBatcher?: Promise<ScanBatcher> }

function getScanBatcher(): Promise<ScanBatcher> {
  globalForBatcher.scanboardScanBatcher ??= getDatabase().then(
    (db) =>
      new ScanBatcher((scans) => recordScans(db, scans), {
        maxInFlight: db.kind === 'pglite' ? 2 : 4,
        maxBatchSize: 200,
        onBatchError: (error, size) => logger.warn({ err: error, size }, 'scan batch failed; retrying its scans one by one'),
      }),
    (error: unknown) => {
      globalForBatcher.scanboardScanBatcher = undefined
      throw error
    },
  )
  return globalForBatcher.scanboardScanBatcher
}

/** Records a scan of `slug` and returns where it leads, or null for an unknown slug. */
export async function recordScanFromRequest(slug: string, headers: Headers): Promise<RecordedScan | null> {
  const batcher = await getScanBatcher()
  return batcher.record({
    slug,
    userAgent: truncate(headers.get('user-agent'), MAX_STORED_USER_AGENT),
    referrer: truncate(headers.get('referer'), MAX_STORED_REFERRER),
    ip: captureClientIp(headers),
  })
}

export async function getRecentScans(codeId: string, limit = 50) {
  return listRecentScans(await getDatabase(), codeId, limit)
}
