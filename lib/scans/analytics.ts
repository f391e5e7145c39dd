import type { BucketUnit, ScanWindow } from '@/lib/db/analytics'
import {
  countCountedScansBy,
  countScansByLabel,
  countScansOverTime,
  countUniqueVisitorsPerDay,
  resolveLocalTimes,
} from '@/lib/db/analytics'
import type { ScanLabel } from '@/lib/db/scans'
import type { Queryable } from '@/lib/db/types'
import { chooseBucketUnit, type LocalRange } from '@/lib/scans/analytics-range'
import { summariseCountries, summariseReferrers, summariseUserAgents, type BreakdownEntry } from '@/lib/scans/breakdowns'

export const SCAN_LABELS: readonly ScanLabel[] = ['human', 'bot', 'prefetch', 'head']

export interface CodeAnalytics {
  range: {
    timeZone: string
    /** ISO instants. `end` is exclusive. */
    start: string
    end: string
    unit: BucketUnit
  }
  totals: {
    /** Human scans that raised the count: the same rule as the public count. */
    humanScans: number
    /** Distinct (local day, visitor hash) pairs among the counted scans. */
    uniqueVisitorsPerDay: number
    /** Every stored hit, whatever its label. */
    hits: number
    hitsByLabel: Record<ScanLabel, number>
  }
  series: { start: string; local: string; humans: number; hits: number }[]
  /** The breakdowns cover counted scans only, so they add up to `totals.humanScans`. */
  browsers: BreakdownEntry[]
  operatingSystems: BreakdownEntry[]
  devices: BreakdownEntry[]
  countries: BreakdownEntry[]
  referrers: BreakdownEntry[]
}

/** Raised for a zone that the runtime's Intl accepts but Postgres does not recognise. */
export class UnsupportedTimeZoneError extends Error {
  constructor(readonly timeZone: string) {
    super(`tz "${timeZone}" is not a time zone the database recognises. Pass another IANA name for the same place.`)
    this.name = 'UnsupportedTimeZoneError'
  }
}

/** Converts a viewer's local range to a window of instants, raising UnsupportedTimeZoneError for a zone Postgres lacks. */
export async function resolveScanWindow(db: Queryable, codeId: string, range: LocalRange): Promise<ScanWindow> {
  try {
    const { start, end } = await resolveLocalTimes(db, range.startLocal, range.endLocal, range.timeZone)
    return { codeId, start, end, timeZone: range.timeZone }
  } catch (error) {
    // 22023 (invalid_parameter_value) is what Postgres raises for "time zone ... not recognized".
    if ((error as { code?: unknown }).code === '22023') throw new UnsupportedTimeZoneError(range.timeZone)
    throw error
  }
}

/**
 * Computes the chart, the counters and the breakdowns of one code for a range. Every query
 * runs in one repeatable-read transaction, so scans arriving meanwhile cannot make the chart
 * and the counters disagree.
 */
export async function computeCodeAnalytics(
  db: { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> },
  codeId: string,
  range: LocalRange,
): Promise<CodeAnalytics> {
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read')
    const window = await resolveScanWindow(tx, codeId, range)
    const unit = chooseBucketUnit(window.end.getTime() - window.start.getTime())

    const series = await countScansOverTime(tx, window, unit)
    const labels = await countScansByLabel(tx, window)
    const uniqueVisitorsPerDay = await countUniqueVisitorsPerDay(tx, window)
    const userAgents = await countCountedScansBy(tx, window, 'user_agent')
    const countries = await countCountedScansBy(tx, window, 'country')
    const referrers = await countCountedScansBy(tx, window, 'referrer')

    const hitsByLabel = Object.fromEntries(SCAN_LABELS.map((label) => [label, 0])) as Record<ScanLabel, number>
    for (const row of labels) hitsByLabel[row.label] = row.hits

    return {
      range: { timeZone: window.timeZone, start: window.start.toISOString(), end: window.end.toISOString(), unit },
      totals: {
        humanScans: labels.reduce((sum, row) => sum + row.counted, 0),
        uniqueVisitorsPerDay,
        hits: labels.reduce((sum, row) => sum + row.hits, 0),
        hitsByLabel,
      },
      series: series.map((bucket) => ({ start: bucket.start.toISOString(), local: bucket.local, humans: bucket.humans, hits: bucket.hits })),
      ...summariseUserAgents(userAgents),
      countries: summariseCountries(countries),
      referrers: summariseReferrers(referrers),
    }
  })
}
