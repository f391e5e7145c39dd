import 'server-only'

import { renderQrSvg } from '@/lib/codes/qr'
import { isUuid } from '@/lib/codes/service'
import { generateSlug } from '@/lib/codes/slug'
import { getDatabase } from '@/lib/db'
import {
  checkIn,
  checkInWalkIn,
  findAttendeeByToken,
  findAttendeesByNameOrEmail,
  findEventById,
  findEventByShareToken,
  findEventBySlug,
  insertAttendee,
  insertAttendees,
  insertEvent,
  listAllAttendees,
  listAttendees,
  listCheckInLog,
  listEvents,
  listRecentArrivals,
  setAttendeeCancelled,
  undoCheckIn,
  updateEventSettings,
  type AttendeeQuery,
  type NewAttendeeRow,
} from '@/lib/db/events'
import type { NewAttendeeInput } from '@/lib/events/schema'
import {
  firstName,
  type Attendee,
  type CheckInMethod,
  type CheckInResult,
  type EventRecord,
  type SelfCheckInMode,
} from '@/lib/events/types'
import { logger } from '@/lib/logger'
import { deliverWebhooksSoon } from '@/lib/webhooks/service'

const MAX_SLUG_ATTEMPTS = 5

const TOKEN_PATTERN = /^[0-9a-f]{32}$/
// A personal code's path, on any host: the scanner accepts badges printed with another origin.
const PERSONAL_CODE_PATH = /\/t\/([0-9a-f]{32})(?:[/?#]|$)/i

/** Returns the link a personal code encodes. */
export function personalCodeUrl(origin: string, token: string): string {
  return `${origin}/t/${token}`
}

/** Returns the token of a personal code from the text a scanner decoded, or null for any other QR. */
export function tokenFromScannedText(text: string): string | null {
  const trimmed = text.trim()
  if (TOKEN_PATTERN.test(trimmed.toLowerCase())) return trimmed.toLowerCase()
  return PERSONAL_CODE_PATH.exec(trimmed)?.[1]?.toLowerCase() ?? null
}

/** Creates an event with its venue code, whose QR encodes `<origin>/s/<slug>`. */
export async function createEvent(input: { name: string; selfCheckIn: SelfCheckInMode }, origin: string): Promise<EventRecord> {
  const db = await getDatabase()
  for (let attempt = 1; attempt <= MAX_SLUG_ATTEMPTS; attempt++) {
    const slug = generateSlug()
    const shortUrl = `${origin}/s/${slug}`
    const id = await insertEvent(db, { name: input.name, selfCheckIn: input.selfCheckIn, slug, shortUrl, qrSvg: await renderQrSvg(shortUrl) })
    if (id) {
      const event = await findEventById(db, id)
      if (!event) throw new Error(`event ${id} vanished after insert`)
      logger.info({ eventId: id, codeId: event.codeId }, 'event created')
      return event
    }
    logger.warn({ slug, attempt }, 'slug collision; trying another')
  }
  throw new Error(`No free slug found after ${MAX_SLUG_ATTEMPTS} attempts`)
}

export async function getEvent(id: string): Promise<EventRecord | null> {
  if (!isUuid(id)) return null
  return findEventById(await getDatabase(), id.toLowerCase())
}

export async function getEventBySlug(slug: string): Promise<EventRecord | null> {
  return findEventBySlug(await getDatabase(), slug)
}

export async function getEventByShareToken(token: string): Promise<EventRecord | null> {
  if (!TOKEN_PATTERN.test(token)) return null
  return findEventByShareToken(await getDatabase(), token)
}

export async function getEvents(): Promise<EventRecord[]> {
  return listEvents(await getDatabase())
}

export async function changeEventSettings(
  id: string,
  settings: { selfCheckIn: SelfCheckInMode; showNamesOnProjector: boolean },
): Promise<boolean> {
  const changed = await updateEventSettings(await getDatabase(), id, settings)
  if (changed) logger.info({ eventId: id, ...settings }, 'event settings changed')
  return changed
}

/** Adds one attendee. Returns null when the email is already on the event's list. */
export async function addAttendee(eventId: string, input: NewAttendeeInput): Promise<Attendee | null> {
  try {
    const added = await insertAttendee(await getDatabase(), eventId, input)
    logger.info({ eventId, attendeeId: added.id }, 'attendee added')
    return added
  } catch (error) {
    if (isUniqueViolation(error)) return null
    throw error
  }
}

/** Tells a unique-constraint violation (SQLSTATE 23505) apart from other errors. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505'
}

const IMPORT_CHUNK_SIZE = 1000

/**
 * Inserts attendees in one transaction, in chunks so that `onProgress` can report. Either all
 * rows are imported or none: a failure rolls the whole import back.
 */
export async function importAttendees(
  eventId: string,
  rows: readonly NewAttendeeRow[],
  onProgress: (done: number) => void | Promise<void>,
): Promise<number> {
  const db = await getDatabase()
  const imported = await db.transaction(async (tx) => {
    let done = 0
    for (let start = 0; start < rows.length; start += IMPORT_CHUNK_SIZE) {
      done += await insertAttendees(tx, eventId, rows.slice(start, start + IMPORT_CHUNK_SIZE))
      await onProgress(done)
    }
    return done
  })
  logger.info({ eventId, imported }, 'attendees imported')
  return imported
}

export async function getAttendeesPage(eventId: string, query: AttendeeQuery) {
  return listAttendees(await getDatabase(), eventId, query)
}

export async function getAllAttendees(eventId: string): Promise<Attendee[]> {
  return listAllAttendees(await getDatabase(), eventId)
}

export async function getAttendeeByToken(token: string): Promise<Attendee | null> {
  const normalized = token.toLowerCase()
  if (!TOKEN_PATTERN.test(normalized)) return null
  return findAttendeeByToken(await getDatabase(), normalized)
}

/** A check-in result as the scanner, the API and the attendee page show it. */
export interface CheckInView {
  outcome: CheckInResult['outcome']
  attendeeId: string | null
  firstName: string | null
  name: string | null
  checkedInAt: string | null
  checkedInBy: string | null
}

function toCheckInView(result: CheckInResult): CheckInView {
  return {
    outcome: result.outcome,
    attendeeId: result.attendeeId,
    firstName: result.name ? firstName(result.name) : null,
    name: result.name,
    checkedInAt: result.checkedInAt?.toISOString() ?? null,
    checkedInBy: result.checkedInBy,
  }
}

/** Checks in the attendee behind a personal code's token or an attendee id; the check_in function admits one of several concurrent calls. */
export async function checkInAttendee(
  eventId: string,
  target: { token: string } | { attendeeId: string },
  door: string | null,
  method: CheckInMethod,
): Promise<CheckInView> {
  const result = await checkIn(await getDatabase(), { eventId, target, door, method })
  if (result.outcome === 'accepted') deliverWebhooksSoon()
  logger.info({ eventId, attendeeId: result.attendeeId, outcome: result.outcome, door, method }, 'check-in attempt')
  return toCheckInView(result)
}

export type SelfCheckInAnswer =
  | { status: 'checked_in'; result: CheckInView }
  | { status: 'not_found' }
  | { status: 'ambiguous' }
  | { status: 'closed' }

/**
 * Self check-in at the venue code: against the list by email or full name, or, for an
 * event in open mode, by adding the person as a walk-in.
 */
export async function selfCheckIn(event: EventRecord, entry: string): Promise<SelfCheckInAnswer> {
  const db = await getDatabase()
  if (event.selfCheckIn === 'off') return { status: 'closed' }

  const matches = await findAttendeesByNameOrEmail(db, event.id, entry)
  if (matches.length > 1) return { status: 'ambiguous' }
  const match = matches[0]
  if (match) {
    return { status: 'checked_in', result: await checkInAttendee(event.id, { attendeeId: match.id }, 'self check-in', 'self') }
  }
  if (event.selfCheckIn === 'list') {
    logger.info({ eventId: event.id }, 'self check-in found no match on the list')
    return { status: 'not_found' }
  }
  const result = toCheckInView(await checkInWalkIn(db, event.id, entry))
  if (result.outcome === 'accepted') deliverWebhooksSoon()
  logger.info({ eventId: event.id, attendeeId: result.attendeeId, outcome: result.outcome }, 'walk-in self check-in')
  return { status: 'checked_in', result }
}

export async function undoAttendeeCheckIn(eventId: string, attendeeId: string): Promise<boolean> {
  if (!isUuid(attendeeId)) return false
  const undone = await undoCheckIn(await getDatabase(), eventId, attendeeId.toLowerCase(), 'dashboard')
  if (undone) logger.info({ eventId, attendeeId }, 'check-in undone')
  return undone
}

export async function setTicketCancelled(eventId: string, attendeeId: string, cancelled: boolean): Promise<boolean> {
  if (!isUuid(attendeeId)) return false
  const changed = await setAttendeeCancelled(await getDatabase(), eventId, attendeeId.toLowerCase(), cancelled)
  if (changed) logger.info({ eventId, attendeeId, cancelled }, cancelled ? 'ticket cancelled' : 'ticket restored')
  return changed
}

export async function getCheckInLog(eventId: string, limit: number) {
  return listCheckInLog(await getDatabase(), eventId, limit)
}

/** First names of the latest arrivals, for the projector when the organiser allows names. */
export async function getRecentArrivalNames(eventId: string, limit: number): Promise<string[]> {
  const arrivals = await listRecentArrivals(await getDatabase(), eventId, limit)
  return arrivals.map((arrival) => firstName(arrival.name))
}

/** An event as the JSON API returns it. */
export function toEventJson(event: EventRecord) {
  return {
    id: event.id,
    name: event.name,
    codeId: event.codeId,
    venueUrl: event.shortUrl,
    selfCheckIn: event.selfCheckIn,
    showNamesOnProjector: event.showNamesOnProjector,
    checkedIn: event.checkedIn,
    expected: event.expected,
    createdAt: event.createdAt.toISOString(),
  }
}

/** An attendee as the JSON API returns it, with the personal code's link. */
export function toAttendeeJson(attendee: Attendee, origin: string) {
  return {
    id: attendee.id,
    name: attendee.name,
    email: attendee.email,
    ticketType: attendee.ticketType,
    walkIn: attendee.walkIn,
    personalUrl: personalCodeUrl(origin, attendee.token),
    checkedInAt: attendee.checkedInAt?.toISOString() ?? null,
    checkedInBy: attendee.checkedInBy,
    cancelledAt: attendee.cancelledAt?.toISOString() ?? null,
  }
}
