import type { BucketUnit } from '@/lib/db/analytics'

/** A range as the viewer asked for it: local wall times in an IANA zone, end exclusive. */
export interface LocalRange {
  timeZone: string
  /** `YYYY-MM-DD HH:MM`, inclusive. */
  startLocal: string
  /** `YYYY-MM-DD HH:MM`, exclusive: the midnight after `to` when `to` is a date. */
  endLocal: string
}

export type RangeParseResult = { ok: true; range: LocalRange } | { ok: false; field: 'tz' | 'from' | 'to'; message: string }

/** The longest range the analytics endpoint accepts, so a chart has at most this many day buckets. */
export const MAX_RANGE_DAYS = 400

// IANA names are letters, digits, `_`, `+`, `-` and slashes. Offset strings such as "+05:30",
// which Intl accepts, are rejected because Postgres reads them with the opposite (POSIX) sign.
const TIME_ZONE_PATTERN = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/
const LOCAL_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/

/** Tells whether `timeZone` is an IANA zone name that this runtime's Intl supports. */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length > 64 || !TIME_ZONE_PATTERN.test(timeZone)) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

interface LocalTime {
  /** Milliseconds since 1970 of the wall time read as UTC, for day arithmetic only. */
  wallMs: number
  hasTime: boolean
}

/** Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` as a wall time, or returns null for anything else or an impossible date. */
function parseLocalTime(value: string): LocalTime | null {
  const match = LOCAL_TIME_PATTERN.exec(value)
  if (!match) return null
  const [, year, month, day, hour = '00', minute = '00'] = match
  const wallMs = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute))
  const date = new Date(wallMs)
  const valid =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    date.getUTCHours() === Number(hour) &&
    date.getUTCMinutes() === Number(minute)
  return valid && Number(year) >= 1970 && Number(year) <= 9999 ? { wallMs, hasTime: match[4] !== undefined } : null
}

/** Formats a wall time as Postgres reads a `timestamp`: `YYYY-MM-DD HH:MM`. */
function formatWallTime(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 16).replace('T', ' ')
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Parses the `tz`, `from` and `to` query parameters. `from` and `to` are local dates
 * (`YYYY-MM-DD`) or local times (`YYYY-MM-DDTHH:MM`) in `tz`. A date `to` includes its whole
 * day, and a time `to` is exclusive. `tz` defaults to UTC. With `required` false, missing `from`
 * and `to` select every scan.
 */
export function parseRangeQuery(params: URLSearchParams, { required }: { required: boolean }): RangeParseResult {
  const timeZone = params.get('tz') || 'UTC'
  if (!isValidTimeZone(timeZone)) {
    return { ok: false, field: 'tz', message: `tz "${timeZone.slice(0, 64)}" is not a known IANA time zone. Pass a name such as Europe/Paris or America/Los_Angeles.` }
  }

  const fromText = params.get('from')
  const toText = params.get('to')
  if (!fromText && !toText && !required) {
    return { ok: true, range: { timeZone, startLocal: '1970-01-01 00:00', endLocal: '9999-12-31 00:00' } }
  }
  if (!fromText) return { ok: false, field: 'from', message: 'from is missing: pass from=YYYY-MM-DD (or YYYY-MM-DDTHH:MM).' }
  if (!toText) return { ok: false, field: 'to', message: 'to is missing: pass to=YYYY-MM-DD (or YYYY-MM-DDTHH:MM).' }

  const from = parseLocalTime(fromText)
  if (!from) return { ok: false, field: 'from', message: `from "${fromText.slice(0, 32)}" is not a valid date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM.` }
  const to = parseLocalTime(toText)
  if (!to) return { ok: false, field: 'to', message: `to "${toText.slice(0, 32)}" is not a valid date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM.` }

  const endWallMs = to.hasTime ? to.wallMs : to.wallMs + DAY_MS
  if (endWallMs <= from.wallMs) return { ok: false, field: 'to', message: `to (${toText}) must be after from (${fromText}).` }
  if (endWallMs - from.wallMs > MAX_RANGE_DAYS * DAY_MS) {
    return { ok: false, field: 'to', message: `The range from ${fromText} to ${toText} is longer than ${MAX_RANGE_DAYS} days. Choose a shorter range.` }
  }

  return { ok: true, range: { timeZone, startLocal: formatWallTime(from.wallMs), endLocal: formatWallTime(endWallMs) } }
}

const HOUR_MS = 60 * 60 * 1000

/**
 * Chooses the bucket width for a range of `durationMs`: minutes up to 6 hours, hours up to 7
 * days (plus the hour a daylight saving change can add), days beyond.
 */
export function chooseBucketUnit(durationMs: number): BucketUnit {
  if (durationMs <= 6 * HOUR_MS) return 'minute'
  if (durationMs <= 7 * 24 * HOUR_MS + HOUR_MS) return 'hour'
  return 'day'
}
