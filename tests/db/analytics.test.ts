import { beforeEach, describe, expect, it } from 'vitest'

import { listScansForExport } from '@/lib/db/analytics'
import { insertCode } from '@/lib/db/codes'
import type { Database } from '@/lib/db/types'
import { computeCodeAnalytics, resolveScanWindow, UnsupportedTimeZoneError } from '@/lib/scans/analytics'
import { parseRangeQuery, type LocalRange } from '@/lib/scans/analytics-range'

import { backends, useMigratedDatabase } from './backends'

const LA = 'America/Los_Angeles'
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
const DESKTOP_CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36'

interface TestScan {
  /** An ISO instant with its offset. */
  at: string
  label?: 'human' | 'bot' | 'prefetch' | 'head'
  counted?: boolean
  visitorHash?: string | null
  userAgent?: string | null
  country?: string | null
  referrer?: string | null
}

async function createCode(db: Database, slug: string) {
  const code = await insertCode(db, {
    slug,
    kind: 'url',
    title: null,
    destination: 'https://example.com/',
    message: null,
    shortUrl: `https://scanboard.example/s/${slug}`,
    qrSvg: '<svg/>',
  })
  if (!code) throw new Error(`slug ${slug} was taken`)
  return code
}

/** Inserts scans straight into public.scans, as the scan route would have stored them. */
async function insertScans(db: Database, codeId: string, scans: TestScan[]) {
  const label = (scan: TestScan) => scan.label ?? 'human'
  await db.query(
    `insert into public.scans (code_id, scanned_at, label, counted, visitor_hash, user_agent, country, referrer)
     select $1, t.at, t.label, t.counted, t.visitor_hash, t.user_agent, t.country, t.referrer
     from unnest($2::timestamptz[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::text[], $8::text[])
       as t(at, label, counted, visitor_hash, user_agent, country, referrer)`,
    [
      codeId,
      scans.map((scan) => scan.at),
      scans.map(label),
      scans.map((scan) => scan.counted ?? label(scan) === 'human'),
      scans.map((scan) => scan.visitorHash ?? null),
      scans.map((scan) => scan.userAgent ?? null),
      scans.map((scan) => scan.country ?? null),
      scans.map((scan) => scan.referrer ?? null),
    ],
  )
}

function range(from: string, to: string, tz = LA): LocalRange {
  const parsed = parseRangeQuery(new URLSearchParams({ from, to, tz }), { required: true })
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.range
}

describe.each(backends)('scan analytics on $name', (backend) => {
  const database = useMigratedDatabase(backend)
  let db: Database

  beforeEach(() => {
    db = database()
  })

  it('puts late-evening scans on the local day', async () => {
    const code = await createCode(db, 'day2345')
    // Los Angeles is on PDT (UTC-7) in June.
    await insertScans(db, code.id, [{ at: '2026-06-10T22:30:00-07:00' }, { at: '2026-06-10T23:59:00-07:00' }, { at: '2026-06-11T00:01:00-07:00' }])

    const analytics = await computeCodeAnalytics(db, code.id, range('2026-06-05', '2026-06-14'))

    expect(analytics.range.unit).toBe('day')
    expect(analytics.series).toHaveLength(10)
    const byDay = Object.fromEntries(analytics.series.map((bucket) => [bucket.local, bucket.humans]))
    expect(byDay['2026-06-10']).toBe(2)
    expect(byDay['2026-06-11']).toBe(1)
    expect(byDay['2026-06-09']).toBe(0)
    expect(analytics.series[0]!.start).toBe('2026-06-05T07:00:00.000Z')
  })

  it('includes the whole last day of a range', async () => {
    const code = await createCode(db, 'one2345')
    await insertScans(db, code.id, [
      { at: '2026-06-09T23:59:59-07:00' },
      { at: '2026-06-10T00:00:00-07:00' },
      { at: '2026-06-10T23:59:00-07:00' },
      { at: '2026-06-11T00:00:00-07:00' },
    ])

    const analytics = await computeCodeAnalytics(db, code.id, range('2026-06-10', '2026-06-10'))

    expect(analytics.range.start).toBe('2026-06-10T07:00:00.000Z')
    expect(analytics.range.end).toBe('2026-06-11T07:00:00.000Z')
    expect(analytics.range.unit).toBe('hour')
    expect(analytics.series).toHaveLength(24)
    expect(analytics.totals.humanScans).toBe(2)
    expect(analytics.series[0]!.humans).toBe(1)
    expect(analytics.series[23]!.humans).toBe(1)
  })

  it('has 23 hourly buckets when DST starts', async () => {
    const code = await createCode(db, 'dst2345')
    // 01:30 PST, then 03:30 PDT: the clock skips from 02:00 to 03:00 on 2026-03-08.
    await insertScans(db, code.id, [{ at: '2026-03-08T01:30:00-08:00' }, { at: '2026-03-08T03:30:00-07:00' }])

    const analytics = await computeCodeAnalytics(db, code.id, range('2026-03-08', '2026-03-08'))

    expect(analytics.series).toHaveLength(23)
    expect(analytics.series.map((bucket) => bucket.local.slice(11))).not.toContain('02:00')
    expect(analytics.series[1]).toMatchObject({ local: '2026-03-08T01:00', humans: 1 })
    expect(analytics.series[2]).toMatchObject({ local: '2026-03-08T03:00', humans: 1 })
  })

  it('has 25 hourly buckets when DST ends', async () => {
    const code = await createCode(db, 'dse2345')
    // 01:30 happens twice on 2026-11-01: first in PDT, then an hour later in PST.
    await insertScans(db, code.id, [{ at: '2026-11-01T01:30:00-07:00' }, { at: '2026-11-01T01:30:00-08:00' }, { at: '2026-11-01T01:45:00-08:00' }])

    const analytics = await computeCodeAnalytics(db, code.id, range('2026-11-01', '2026-11-01'))

    expect(analytics.series).toHaveLength(25)
    const oneAm = analytics.series.filter((bucket) => bucket.local === '2026-11-01T01:00')
    expect(oneAm.map((bucket) => bucket.humans)).toEqual([1, 2])
    expect(oneAm.map((bucket) => bucket.start)).toEqual(['2026-11-01T08:00:00.000Z', '2026-11-01T09:00:00.000Z'])
  })

  it('uses minute buckets for six hours or less', async () => {
    const code = await createCode(db, 'min2345')
    await insertScans(db, code.id, [{ at: '2026-06-10T09:15:30-07:00' }, { at: '2026-06-10T09:15:59-07:00' }])

    const analytics = await computeCodeAnalytics(db, code.id, range('2026-06-10T09:00', '2026-06-10T12:00'))

    expect(analytics.range.unit).toBe('minute')
    expect(analytics.series).toHaveLength(180)
    expect(analytics.series[15]).toMatchObject({ local: '2026-06-10T09:15', humans: 2 })
  })

  it('totals equal the raw rows', async () => {
    const code = await createCode(db, 'tot2345')
    const other = await createCode(db, 'oth2345')
    await insertScans(db, code.id, [
      { at: '2026-06-10T10:00:00Z', userAgent: IPHONE, country: 'FR', referrer: 'https://WWW.Example.org/a?b=1' },
      { at: '2026-06-10T11:00:00Z', userAgent: IPHONE, country: 'FR' },
      { at: '2026-06-11T10:00:00Z', userAgent: DESKTOP_CHROME, country: null, referrer: 'not a url' },
      { at: '2026-06-11T10:00:00Z', counted: false, userAgent: DESKTOP_CHROME },
      { at: '2026-06-11T10:05:00Z', label: 'bot', userAgent: 'Googlebot/2.1' },
      { at: '2026-06-11T10:06:00Z', label: 'prefetch' },
      { at: '2026-06-11T10:07:00Z', label: 'head' },
      { at: '2026-06-11T10:08:00Z', label: 'head' },
      // Outside the range.
      { at: '2026-05-01T10:00:00Z' },
    ])
    await insertScans(db, other.id, [{ at: '2026-06-10T10:00:00Z' }])

    const analytics = await computeCodeAnalytics(db, code.id, range('2026-06-01', '2026-06-30', 'UTC'))
    const [raw] = await db.query<{ counted: number; hits: number }>(
      `select count(*) filter (where counted)::int as counted, count(*)::int as hits
       from public.scans where code_id = $1 and scanned_at >= '2026-06-01Z' and scanned_at < '2026-07-01Z'`,
      [code.id],
    )

    expect(analytics.totals.humanScans).toBe(raw!.counted)
    expect(analytics.totals.hits).toBe(raw!.hits)
    expect(analytics.totals.hitsByLabel).toEqual({ human: 4, bot: 1, prefetch: 1, head: 2 })
    expect(analytics.series.reduce((sum, bucket) => sum + bucket.humans, 0)).toBe(raw!.counted)
    expect(analytics.series.reduce((sum, bucket) => sum + bucket.hits, 0)).toBe(raw!.hits)
    expect(analytics.browsers).toEqual([
      { name: 'Mobile Safari', count: 2 },
      { name: 'Chrome', count: 1 },
    ])
    expect(analytics.devices).toEqual([
      { name: 'mobile', count: 2 },
      { name: 'desktop', count: 1 },
    ])
    expect(analytics.countries).toEqual([
      { name: 'FR', count: 2 },
      { name: 'Unknown', count: 1 },
    ])
    expect(analytics.referrers).toEqual([
      { name: 'None (direct)', count: 1 },
      { name: 'Not a URL', count: 1 },
      { name: 'www.example.org', count: 1 },
    ])
  })

  it('counts unique scanners per local day', async () => {
    const code = await createCode(db, 'unq2345')
    await insertScans(db, code.id, [
      { at: '2026-06-10T09:00:00-07:00', visitorHash: 'a' },
      { at: '2026-06-10T23:30:00-07:00', visitorHash: 'a' },
      { at: '2026-06-10T10:00:00-07:00', visitorHash: 'b' },
      // The same hash on the next local day counts again (though it is the same UTC day).
      { at: '2026-06-11T00:30:00-07:00', visitorHash: 'a' },
      // Not counted, or without a hash: left out.
      { at: '2026-06-10T11:00:00-07:00', visitorHash: 'c', counted: false },
      { at: '2026-06-10T11:00:00-07:00', visitorHash: 'd', label: 'bot' },
      { at: '2026-06-10T12:00:00-07:00', visitorHash: null },
    ])

    const analytics = await computeCodeAnalytics(db, code.id, range('2026-06-10', '2026-06-11'))

    expect(analytics.totals.uniqueVisitorsPerDay).toBe(3)
    expect(analytics.totals.humanScans).toBe(5)
  })

  it('raises for a zone Postgres does not know', async () => {
    const code = await createCode(db, 'tzz2345')
    const unknownZone: LocalRange = { timeZone: 'Mars/Olympus_Mons', startLocal: '2026-06-10 00:00', endLocal: '2026-06-11 00:00' }

    await expect(resolveScanWindow(db, code.id, unknownZone)).rejects.toBeInstanceOf(UnsupportedTimeZoneError)
  })

  it('pages the export by id', async () => {
    const code = await createCode(db, 'exp2345')
    await insertScans(db, code.id, [{ at: '2026-11-01T01:30:00-07:00' }, { at: '2026-11-01T01:30:00-08:00' }, { at: '2026-11-02T12:00:00Z' }])
    const window = await resolveScanWindow(db, code.id, range('2026-11-01', '2026-11-01'))

    const first = await listScansForExport(db, window, 0, 1)
    const second = await listScansForExport(db, window, first[0]!.id, 5)

    expect(first.map((row) => [row.utc, row.local, row.offset_minutes])).toEqual([['2026-11-01T08:30:00.000Z', '2026-11-01T01:30:00', -420]])
    expect(second.map((row) => [row.utc, row.local, row.offset_minutes])).toEqual([['2026-11-01T09:30:00.000Z', '2026-11-01T01:30:00', -480]])
  })
})
