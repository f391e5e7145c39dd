import type { ScanLabel } from '@/lib/db/scans'
import type { Queryable } from '@/lib/db/types'

/** The width of one chart bucket. Minute and hour buckets are absolute, and day buckets are local days. */
export type BucketUnit = 'minute' | 'hour' | 'day'

/** One code's scans between two instants, with the IANA zone that local days and times use. */
export interface ScanWindow {
  codeId: string
  /** Inclusive. */
  start: Date
  /** Exclusive. */
  end: Date
  timeZone: string
}

export interface ScanBucket {
  /** The instant the bucket starts. */
  start: Date
  /** The bucket's start as local wall time in the window's zone, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD` for days. */
  local: string
  /** Human scans that raised the count. */
  humans: number
  /** Every stored hit, whatever its label. */
  hits: number
}

export interface LabelCount {
  label: ScanLabel
  hits: number
  counted: number
}

export interface ValueCount {
  value: string | null
  count: number
}

/**
 * Converts local wall times (`YYYY-MM-DD HH:MM`) in `timeZone` to instants, with Postgres's
 * time zone database. Raises Postgres error 22023 for a zone Postgres does not recognise.
 */
export async function resolveLocalTimes(db: Queryable, startLocal: string, endLocal: string, timeZone: string): Promise<{ start: Date; end: Date }> {
  const [row] = await db.query<{ start: Date; end: Date }>(
    `select ($1::timestamp at time zone $3) as start, ($2::timestamp at time zone $3) as "end"`,
    [startLocal, endLocal, timeZone],
  )
  if (!row) throw new Error('resolving local times returned no row')
  return { start: new Date(row.start), end: new Date(row.end) }
}

/**
 * Counts scans per bucket, zero-filled, oldest first. Minute and hour buckets step in absolute
 * time from `window.start`, so a day that leaves daylight saving time has 25 hourly buckets and
 * the day that enters it has 23. Day buckets are the zone's local calendar days.
 */
export async function countScansOverTime(db: Queryable, window: ScanWindow, unit: BucketUnit): Promise<ScanBucket[]> {
  const params = [window.codeId, window.start.toISOString(), window.end.toISOString(), window.timeZone]

  const rows =
    unit === 'day'
      ? await db.query<{ start: Date; local: string; humans: number; hits: number }>(
          `with days as (
             select d::date as day
             from generate_series(
               ($2::timestamptz at time zone $4)::date,
               (($3::timestamptz - interval '1 microsecond') at time zone $4)::date,
               interval '1 day'
             ) as d
           ),
           hits as (
             select date_trunc('day', s.scanned_at at time zone $4)::date as day,
               count(*) filter (where s.counted)::int as humans,
               count(*)::int as hits
             from public.scans s
             where s.code_id = $1 and s.scanned_at >= $2::timestamptz and s.scanned_at < $3::timestamptz
             group by 1
           )
           select (days.day::timestamp at time zone $4) as start,
             to_char(days.day, 'YYYY-MM-DD') as local,
             coalesce(hits.humans, 0) as humans,
             coalesce(hits.hits, 0) as hits
           from days
           left join hits on hits.day = days.day
           order by days.day`,
          params,
        )
      : await db.query<{ start: Date; local: string; humans: number; hits: number }>(
          `with buckets as (
             select generate_series($2::timestamptz, $3::timestamptz - interval '1 microsecond', $5::interval) as start
           ),
           hits as (
             select date_bin($5::interval, s.scanned_at, $2::timestamptz) as start,
               count(*) filter (where s.counted)::int as humans,
               count(*)::int as hits
             from public.scans s
             where s.code_id = $1 and s.scanned_at >= $2::timestamptz and s.scanned_at < $3::timestamptz
             group by 1
           )
           select buckets.start,
             to_char(buckets.start at time zone $4, 'YYYY-MM-DD"T"HH24:MI') as local,
             coalesce(hits.humans, 0) as humans,
             coalesce(hits.hits, 0) as hits
           from buckets
           left join hits on hits.start = buckets.start
           order by buckets.start`,
          [...params, `1 ${unit}`],
        )

  return rows.map((row) => ({ start: new Date(row.start), local: row.local, humans: row.humans, hits: row.hits }))
}

/** Counts hits and counted scans per label. Labels without hits are left out. */
export async function countScansByLabel(db: Queryable, window: ScanWindow): Promise<LabelCount[]> {
  return db.query<LabelCount>(
    `select label, count(*)::int as hits, count(*) filter (where counted)::int as counted
     from public.scans
     where code_id = $1 and scanned_at >= $2::timestamptz and scanned_at < $3::timestamptz
     group by label
     order by label`,
    [window.codeId, window.start.toISOString(), window.end.toISOString()],
  )
}

/**
 * Counts unique scanners: distinct (local day, visitor hash) pairs among counted scans. The
 * hash's salt changes every day, so one person on two days counts twice. Scans without a hash
 * are left out.
 */
export async function countUniqueVisitorsPerDay(db: Queryable, window: ScanWindow): Promise<number> {
  const [row] = await db.query<{ unique_visitors: number }>(
    `select count(distinct ((scanned_at at time zone $4)::date, visitor_hash))::int as unique_visitors
     from public.scans
     where code_id = $1 and scanned_at >= $2::timestamptz and scanned_at < $3::timestamptz
       and counted and visitor_hash is not null`,
    [window.codeId, window.start.toISOString(), window.end.toISOString(), window.timeZone],
  )
  return row?.unique_visitors ?? 0
}

/** Columns of `public.scans` that the breakdowns group by. */
export type BreakdownColumn = 'user_agent' | 'country' | 'referrer'

const BREAKDOWN_COLUMNS: ReadonlySet<BreakdownColumn> = new Set(['user_agent', 'country', 'referrer'])

/** Counts counted scans per distinct value of `column`, most frequent first. */
export async function countCountedScansBy(db: Queryable, window: ScanWindow, column: BreakdownColumn): Promise<ValueCount[]> {
  // The column name is spliced into the SQL, so only the listed names are accepted.
  if (!BREAKDOWN_COLUMNS.has(column)) throw new Error(`Cannot group scans by ${String(column)}.`)
  return db.query<ValueCount>(
    `select ${column} as value, count(*)::int as count
     from public.scans
     where code_id = $1 and scanned_at >= $2::timestamptz and scanned_at < $3::timestamptz and counted
     group by ${column}
     order by count desc, value`,
    [window.codeId, window.start.toISOString(), window.end.toISOString()],
  )
}

/** Tells whether any scan in the window has a stored IP address. */
export async function hasStoredIp(db: Queryable, window: ScanWindow): Promise<boolean> {
  const [row] = await db.query<{ found: boolean }>(
    `select exists (
       select 1 from public.scans
       where code_id = $1 and scanned_at >= $2::timestamptz and scanned_at < $3::timestamptz and ip is not null
     ) as found`,
    [window.codeId, window.start.toISOString(), window.end.toISOString()],
  )
  return row?.found ?? false
}

export interface ExportScanRow {
  id: number
  /** `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
  utc: string
  /** Local wall time in the window's zone, `YYYY-MM-DDTHH:MM:SS`. */
  local: string
  /** The zone's offset from UTC at that instant, in minutes east of UTC. */
  offset_minutes: number
  label: ScanLabel
  counted: boolean
  user_agent: string | null
  country: string | null
  referrer: string | null
  ip: string | null
}

/**
 * Lists up to `limit` scans of the window with an id above `afterId`, in id order. Callers
 * page through a whole export by passing the last id of each page (keyset pagination), which
 * the (code_id, id) index serves without sorting.
 */
export async function listScansForExport(db: Queryable, window: ScanWindow, afterId: number, limit: number): Promise<ExportScanRow[]> {
  return db.query<ExportScanRow>(
    `select id,
       to_char(scanned_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as utc,
       to_char(scanned_at at time zone $4, 'YYYY-MM-DD"T"HH24:MI:SS') as local,
       (extract(epoch from (scanned_at at time zone $4) - (scanned_at at time zone 'UTC')) / 60)::int as offset_minutes,
       label, counted, user_agent, country, referrer, host(ip) as ip
     from public.scans
     where code_id = $1 and scanned_at >= $2::timestamptz and scanned_at < $3::timestamptz and id > $5
     order by id
     limit $6`,
    [window.codeId, window.start.toISOString(), window.end.toISOString(), window.timeZone, afterId, limit],
  )
}
