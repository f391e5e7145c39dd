import 'server-only'

import { getDatabase } from '@/lib/db'
import { listRecentScans, recordScans, type RecordedScan } from '@/lib/db/scans'
import { getServerEnv } from '@/lib/env'
import { logger } from '@/lib/logger'
import { classifyHit, parseBotPatterns } from '@/lib/scans/classify'
import { anonymizeAddress, clientAddress, visitorHash, type ClientIpSource } from '@/lib/scans/client-address'
import { ScanBatcher } from '@/lib/scans/scan-batcher'

export const MAX_STORED_USER_AGENT = 512
export const MAX_STORED_REFERRER = 2048

/** Returns the configured source of client addresses: x-vercel-forwarded-for on Vercel, none elsewhere unless set. */
function ipSource(): ClientIpSource {
  const env = getServerEnv()
  return env.CLIENT_IP_SOURCE ?? (process.env.VERCEL ? 'vercel' : 'none')
}

/** Tells whether unique scanners can be counted: only with a trusted source of client addresses. */
export function uniqueScannersAvailable(): boolean {
  return ipSource() !== 'none'
}

let botPatterns: { source: string | undefined; patterns: RegExp[] } | undefined

function extraBotPatterns(): RegExp[] {
  const source = getServerEnv().SCAN_BOT_PATTERNS
  if (!botPatterns || botPatterns.source !== source) botPatterns = { source, patterns: parseBotPatterns(source) }
  return botPatterns.patterns
}

/** Reads the two-letter country that Vercel adds, and only on Vercel, where a client cannot set it. */
function countryOf(headers: Headers): string | null {
  if (ipSource() !== 'vercel') return null
  const country = headers.get('x-vercel-ip-country')?.toUpperCase()
  return country && /^[A-Z]{2}$/.test(country) ? country : null
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

/**
 * Records a hit of `slug` with its label and returns where it leads, or null for an unknown
 * slug. Only human scans count. The address is used for the day's visitor hash and is stored
 * only when SCAN_CAPTURE_IP is on, cut to its network unless SCAN_IP_ANONYMIZE is false.
 */
export async function recordScanFromRequest(slug: string, method: string, headers: Headers): Promise<RecordedScan | null> {
  const env = getServerEnv()
  const batcher = await getScanBatcher()
  const label = classifyHit(method, headers, extraBotPatterns())
  const userAgent = truncate(headers.get('user-agent'), MAX_STORED_USER_AGENT)
  const address = clientAddress(headers, ipSource())
  let storedIp: string | null = null
  if (address && env.SCAN_CAPTURE_IP) storedIp = env.SCAN_IP_ANONYMIZE ? anonymizeAddress(address) : address
  return batcher.record({
    slug,
    userAgent,
    referrer: truncate(headers.get('referer'), MAX_STORED_REFERRER),
    ip: storedIp,
    label,
    visitorHash: address && label === 'human' ? visitorHash(address, userAgent ?? '', env.ANALYTICS_SECRET ?? env.SESSION_SECRET) : null,
    country: countryOf(headers),
  })
}

export async function getRecentScans(codeId: string, limit = 50) {
  return listRecentScans(await getDatabase(), codeId, limit)
}
