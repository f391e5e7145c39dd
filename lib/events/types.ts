export type SelfCheckInMode = 'off' | 'list' | 'open'

export const SELF_CHECK_IN_MODES: readonly SelfCheckInMode[] = ['off', 'list', 'open']

export const SELF_CHECK_IN_LABELS: Record<SelfCheckInMode, string> = {
  off: 'Off: staff check people in',
  list: 'Against the list: attendees enter their name or email',
  open: 'Open: anyone checks in by name (no list needed)',
}

/** An event with its venue code and its attendance counts. */
export interface EventRecord {
  id: string
  name: string
  /** The venue code's id: the id that live updates and /api/counts use for this event. */
  codeId: string
  slug: string
  /** The venue code's short link, which leads to the self check-in page. */
  shortUrl: string
  qrSvg: string
  /** The secret part of the public projector link /p/<shareToken>. */
  shareToken: string
  selfCheckIn: SelfCheckInMode
  showNamesOnProjector: boolean
  checkedIn: number
  expected: number
  createdAt: Date
}

export interface Attendee {
  id: string
  eventId: string
  position: number
  /** The secret in the personal code /t/<token>. */
  token: string
  name: string
  email: string | null
  ticketType: string | null
  walkIn: boolean
  checkedInAt: Date | null
  checkedInBy: string | null
  checkedOutAt: Date | null
  cancelledAt: Date | null
  createdAt: Date
}

export type CheckInOutcome = 'accepted' | 'duplicate' | 'cancelled' | 'unknown'

/** The channel a check-in came through, as the check-in log records it. */
export type CheckInMethod = 'scanner' | 'search' | 'badge' | 'self' | 'api'

export interface CheckInResult {
  outcome: CheckInOutcome
  attendeeId: string | null
  name: string | null
  /** For 'accepted', now; for 'duplicate', the first check-in's time. */
  checkedInAt: Date | null
  /** The door of the first check-in. */
  checkedInBy: string | null
}

export interface CheckInLogEntry {
  id: number
  outcome: CheckInOutcome | 'undone'
  attendeeId: string | null
  name: string | null
  door: string | null
  method: string
  at: Date
}

/** Returns the first word of a name, which the door screen and the attendee page show. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name
}
