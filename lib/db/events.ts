import type { Queryable } from '@/lib/db/types'
import type {
  Attendee,
  CheckInLogEntry,
  CheckInMethod,
  CheckInOutcome,
  CheckInResult,
  EventRecord,
  SelfCheckInMode,
} from '@/lib/events/types'

interface EventRow {
  id: string
  name: string
  code_id: string
  slug: string
  short_url: string
  qr_svg: string
  share_token: string
  self_check_in: SelfCheckInMode
  show_names_on_projector: boolean
  checked_in: number
  expected: number
  created_at: Date
}

interface AttendeeRow {
  id: string
  event_id: string
  position: number | string
  token: string
  name: string
  email: string | null
  ticket_type: string | null
  walk_in: boolean
  checked_in_at: Date | null
  checked_in_by: string | null
  checked_out_at: Date | null
  cancelled_at: Date | null
  created_at: Date
}

interface CheckInRow {
  outcome: CheckInOutcome
  attendee_id: string | null
  attendee_name: string | null
  checked_in_at: Date | null
  checked_in_by: string | null
}

const EVENT_COLUMNS = `
  e.id, e.name, e.code_id, c.slug, c.short_url, c.qr_svg, c.share_token, e.self_check_in, e.show_names_on_projector,
  coalesce(sc.checked_in, 0) as checked_in, coalesce(sc.expected, 0) as expected, e.created_at
`
const EVENT_FROM = `
  public.events e
  join public.qr_codes c on c.id = e.code_id
  left join public.scan_counts sc on sc.code_id = e.code_id
`
const ATTENDEE_COLUMNS = `
  a.id, a.event_id, a.position, a.token, a.name, a.email, a.ticket_type, a.walk_in,
  a.checked_in_at, a.checked_in_by, a.checked_out_at, a.cancelled_at, a.created_at
`

function toEvent(row: EventRow): EventRecord {
  return {
    id: row.id,
    name: row.name,
    codeId: row.code_id,
    slug: row.slug,
    shortUrl: row.short_url,
    qrSvg: row.qr_svg,
    shareToken: row.share_token,
    selfCheckIn: row.self_check_in,
    showNamesOnProjector: row.show_names_on_projector,
    checkedIn: row.checked_in,
    expected: row.expected,
    createdAt: row.created_at,
  }
}

function toAttendee(row: AttendeeRow): Attendee {
  return {
    id: row.id,
    eventId: row.event_id,
    position: Number(row.position),
    token: row.token,
    name: row.name,
    email: row.email,
    ticketType: row.ticket_type,
    walkIn: row.walk_in,
    checkedInAt: row.checked_in_at,
    checkedInBy: row.checked_in_by,
    checkedOutAt: row.checked_out_at,
    cancelledAt: row.cancelled_at,
    createdAt: row.created_at,
  }
}

function toCheckInResult(row: CheckInRow | undefined): CheckInResult {
  if (!row) throw new Error('check_in returned no row')
  return {
    outcome: row.outcome,
    attendeeId: row.attendee_id,
    name: row.attendee_name,
    checkedInAt: row.checked_in_at,
    checkedInBy: row.checked_in_by,
  }
}

export interface NewEventRow {
  name: string
  selfCheckIn: SelfCheckInMode
  slug: string
  shortUrl: string
  qrSvg: string
}

/**
 * Inserts an event and its venue code in one statement. Returns the event's id, or null when
 * the slug is taken.
 */
export async function insertEvent(db: Queryable, event: NewEventRow): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    `with code as (
       insert into public.qr_codes (slug, kind, title, short_url, qr_svg)
       select $1, 'venue', $2, $3, $4
       where not exists (select 1 from public.retired_slugs r where r.slug = $1)
       on conflict (slug) do nothing
       returning id
     )
     insert into public.events (name, code_id, self_check_in)
     select $2, code.id, $5 from code
     returning id`,
    [event.slug, event.name, event.shortUrl, event.qrSvg, event.selfCheckIn],
  )
  return rows[0]?.id ?? null
}

/** Returns the event whose `column` equals `value`. `column` is one of a fixed set, never user input. */
async function findEventWhere(db: Queryable, column: 'e.id' | 'c.slug' | 'c.share_token', value: string) {
  const rows = await db.query<EventRow>(`select ${EVENT_COLUMNS} from ${EVENT_FROM} where ${column} = $1`, [value])
  return rows[0] ? toEvent(rows[0]) : null
}

export function findEventById(db: Queryable, id: string): Promise<EventRecord | null> {
  return findEventWhere(db, 'e.id', id)
}

export function findEventBySlug(db: Queryable, slug: string): Promise<EventRecord | null> {
  return findEventWhere(db, 'c.slug', slug)
}

export function findEventByShareToken(db: Queryable, token: string): Promise<EventRecord | null> {
  return findEventWhere(db, 'c.share_token', token)
}

export async function listEvents(db: Queryable): Promise<EventRecord[]> {
  const rows = await db.query<EventRow>(`select ${EVENT_COLUMNS} from ${EVENT_FROM} order by e.created_at desc, e.id desc`)
  return rows.map(toEvent)
}

export async function updateEventSettings(
  db: Queryable,
  id: string,
  settings: { selfCheckIn: SelfCheckInMode; showNamesOnProjector: boolean },
): Promise<boolean> {
  // Touching the counts row sends a live update, so open projectors pick the change up.
  const rows = await db.query(
    `with changed as (
       update public.events set self_check_in = $2, show_names_on_projector = $3 where id = $1 returning code_id
     ),
     touched as (
       update public.scan_counts sc set version = sc.version + 1 from changed where sc.code_id = changed.code_id returning 1
     )
     select 1 from changed`,
    [id, settings.selfCheckIn, settings.showNamesOnProjector],
  )
  return rows.length > 0
}

export interface NewAttendeeRow {
  name: string
  email: string | null
  ticketType: string | null
}

/** Inserts attendees in one statement, in the given order. Returns how many were inserted. */
export async function insertAttendees(db: Queryable, eventId: string, attendees: readonly NewAttendeeRow[]): Promise<number> {
  if (attendees.length === 0) return 0
  const rows = await db.query<{ inserted: number }>(
    `with inserted as (
       insert into public.attendees (event_id, name, email, ticket_type)
       select $1, t.name, t.email, t.ticket_type
       from unnest($2::text[], $3::text[], $4::text[]) with ordinality as t(name, email, ticket_type, ordinal)
       order by t.ordinal
       returning 1
     )
     select count(*)::int as inserted from inserted`,
    [eventId, attendees.map((a) => a.name), attendees.map((a) => a.email), attendees.map((a) => a.ticketType)],
  )
  return rows[0]?.inserted ?? 0
}

/** Inserts one attendee and returns it. */
export async function insertAttendee(db: Queryable, eventId: string, attendee: NewAttendeeRow): Promise<Attendee> {
  const rows = await db.query<AttendeeRow>(
    `insert into public.attendees as a (event_id, name, email, ticket_type) values ($1, $2, $3, $4)
     returning ${ATTENDEE_COLUMNS}`,
    [eventId, attendee.name, attendee.email, attendee.ticketType],
  )
  if (!rows[0]) throw new Error('insert returned no row')
  return toAttendee(rows[0])
}

/** Lists the emails and names already on an event's list, lower-cased, for duplicate checks before an import. */
export async function listAttendeeKeys(db: Queryable, eventId: string): Promise<{ email: string | null; name: string }[]> {
  return db.query<{ email: string | null; name: string }>(
    'select lower(email) as email, lower(name) as name from public.attendees where event_id = $1 and not walk_in',
    [eventId],
  )
}

export interface AttendeeQuery {
  /** Matches names and emails containing this text, ignoring case. */
  search?: string
  limit: number
  offset: number
}

/** Lists an event's attendees in list order, with the number that match for pagination. */
export async function listAttendees(
  db: Queryable,
  eventId: string,
  { search, limit, offset }: AttendeeQuery,
): Promise<{ attendees: Attendee[]; total: number }> {
  const pattern = search ? `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  const rows = await db.query<AttendeeRow & { total: number }>(
    `select ${ATTENDEE_COLUMNS}, count(*) over ()::int as total
     from public.attendees a
     where a.event_id = $1 and ($2::text is null or lower(a.name) like $2 or lower(a.email) like $2)
     order by a.position
     limit $3 offset $4`,
    [eventId, pattern, limit, offset],
  )
  return { attendees: rows.map(toAttendee), total: rows[0]?.total ?? 0 }
}

/** Lists every attendee of an event in list order, for exports and badges. */
export async function listAllAttendees(db: Queryable, eventId: string): Promise<Attendee[]> {
  const rows = await db.query<AttendeeRow>(
    `select ${ATTENDEE_COLUMNS} from public.attendees a where a.event_id = $1 order by a.position`,
    [eventId],
  )
  return rows.map(toAttendee)
}

export async function findAttendeeByToken(db: Queryable, token: string): Promise<Attendee | null> {
  const rows = await db.query<AttendeeRow>(`select ${ATTENDEE_COLUMNS} from public.attendees a where a.token = $1`, [token])
  return rows[0] ? toAttendee(rows[0]) : null
}

/**
 * Finds the attendees of an event that a self check-in entry could mean: the same email, or
 * the same name ignoring case and repeated spaces. Walk-ins and cancelled tickets included.
 */
export async function findAttendeesByNameOrEmail(db: Queryable, eventId: string, entry: string): Promise<Attendee[]> {
  const rows = await db.query<AttendeeRow>(
    `select ${ATTENDEE_COLUMNS} from public.attendees a
     where a.event_id = $1 and not a.walk_in
       and (lower(a.email) = lower($2) or lower(regexp_replace(btrim(a.name), '\\s+', ' ', 'g')) = lower($2))
     order by a.position
     limit 5`,
    [eventId, entry.trim().replace(/\s+/g, ' ')],
  )
  return rows.map(toAttendee)
}

export interface CheckInRequest {
  eventId: string
  /** The personal code's token, or the attendee's id when staff picked them from a search. */
  target: { token: string } | { attendeeId: string }
  door: string | null
  method: CheckInMethod
}

/** Checks an attendee in with the check_in function, in one round trip. Its conditional update lets one of several concurrent calls through. */
export async function checkIn(db: Queryable, request: CheckInRequest): Promise<CheckInResult> {
  const token = 'token' in request.target ? request.target.token : null
  const attendeeId = 'attendeeId' in request.target ? request.target.attendeeId : null
  const rows = await db.query<CheckInRow>('select * from public.check_in($1, $2, $3, $4, $5)', [
    request.eventId,
    token,
    attendeeId,
    request.door,
    request.method,
  ])
  return toCheckInResult(rows[0])
}

/** Adds a walk-in at an event without a list, checked in now. */
export async function checkInWalkIn(db: Queryable, eventId: string, name: string): Promise<CheckInResult> {
  const rows = await db.query<CheckInRow>('select * from public.check_in_walk_in($1, $2)', [eventId, name])
  return toCheckInResult(rows[0])
}

/** Undoes a check-in; returns false when the attendee was not checked in. */
export async function undoCheckIn(db: Queryable, eventId: string, attendeeId: string, door: string | null): Promise<boolean> {
  const rows = await db.query('select * from public.undo_check_in($1, $2, $3)', [eventId, attendeeId, door])
  return rows.length > 0
}

/** Cancels a ticket, or restores it with `cancelled` false. Returns false when nothing changed. */
export async function setAttendeeCancelled(db: Queryable, eventId: string, attendeeId: string, cancelled: boolean): Promise<boolean> {
  const rows = await db.query(
    `update public.attendees
     set cancelled_at = case when $3 then now() else null end
     where id = $2 and event_id = $1 and (cancelled_at is null) = $3
     returning id`,
    [eventId, attendeeId, cancelled],
  )
  return rows.length > 0
}

/** Lists the newest entries of an event's check-in log, with the attendee's name where known. */
export async function listCheckInLog(db: Queryable, eventId: string, limit: number): Promise<CheckInLogEntry[]> {
  const rows = await db.query<{
    id: number | string
    outcome: CheckInLogEntry['outcome']
    attendee_id: string | null
    name: string | null
    door: string | null
    method: string
    at: Date
  }>(
    `select l.id, l.outcome, l.attendee_id, a.name, l.door, l.method, l.at
     from public.check_ins l left join public.attendees a on a.id = l.attendee_id
     where l.event_id = $1
     order by l.at desc, l.id desc
     limit $2`,
    [eventId, limit],
  )
  return rows.map((row) => ({
    id: Number(row.id),
    outcome: row.outcome,
    attendeeId: row.attendee_id,
    name: row.name,
    door: row.door,
    method: row.method,
    at: row.at,
  }))
}

/** Lists the names of the attendees checked in most recently who are still checked in. */
export async function listRecentArrivals(db: Queryable, eventId: string, limit: number): Promise<{ name: string; checkedInAt: Date }[]> {
  const rows = await db.query<{ name: string; checked_in_at: Date }>(
    `select a.name, a.checked_in_at from public.attendees a
     where a.event_id = $1 and a.checked_in_at is not null and a.cancelled_at is null
     order by a.checked_in_at desc, a.position desc
     limit $2`,
    [eventId, limit],
  )
  return rows.map((row) => ({ name: row.name, checkedInAt: row.checked_in_at }))
}
