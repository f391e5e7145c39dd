import type { CheckInView } from '@/lib/events/service'

/** The result the scanner shows after a read or a check-in from the search. */
export type ScanResult =
  | { kind: 'check-in'; result: CheckInView }
  | { kind: 'not-a-badge' }
  | { kind: 'error'; message: string }

/** An attendee as `GET /api/events/<id>/attendees` returns them. */
export interface AttendeeMatch {
  id: string
  name: string
  email: string | null
  ticketType: string | null
  checkedInAt: string | null
  checkedInBy: string | null
  cancelledAt: string | null
}

const NETWORK_ERROR = 'Could not reach the server. Check the connection, then scan the badge again.'

/**
 * Posts a check-in, with the decoded QR text (`code`) or an attendee id from the search, and
 * turns every response, including failures, into a result the scanner can show.
 */
export async function postCheckIn(
  eventId: string,
  body: { code: string; door: string } | { attendeeId: string; door: string },
): Promise<ScanResult> {
  let response: Response
  try {
    response = await fetch(`/api/events/${encodeURIComponent(eventId)}/check-ins`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    })
  } catch {
    return { kind: 'error', message: NETWORK_ERROR }
  }

  const payload = (await response.json().catch(() => null)) as { checkIn?: CheckInView; error?: { code?: string; message?: string } } | null
  if (response.ok && payload?.checkIn) return { kind: 'check-in', result: payload.checkIn }
  if (response.status === 422 && payload?.error?.code === 'not_a_badge') return { kind: 'not-a-badge' }
  return { kind: 'error', message: describeFailure(response.status, payload?.error?.message) }
}

/** Searches the event's attendees by name or email; the first 10 matches. */
export async function searchAttendees(
  eventId: string,
  query: string,
  signal: AbortSignal,
): Promise<{ ok: true; attendees: AttendeeMatch[]; total: number } | { ok: false; message: string }> {
  const url = `/api/events/${encodeURIComponent(eventId)}/attendees?q=${encodeURIComponent(query)}&pageSize=10`
  let response: Response
  try {
    response = await fetch(url, { cache: 'no-store', signal })
  } catch (error) {
    if (signal.aborted) throw error
    return { ok: false, message: 'Could not reach the server. Check the connection and search again.' }
  }
  const payload = (await response.json().catch(() => null)) as { attendees?: AttendeeMatch[]; total?: number; error?: { message?: string } } | null
  if (response.ok && payload?.attendees) return { ok: true, attendees: payload.attendees, total: payload.total ?? payload.attendees.length }
  return { ok: false, message: describeFailure(response.status, payload?.error?.message) }
}

function describeFailure(status: number, serverMessage: string | undefined): string {
  if (status === 401) return 'Your session has ended. Sign in again in this browser, then reload this page.'
  if (status === 404) return 'This event no longer exists.'
  if (status >= 500) return `The server failed (HTTP ${status}). Try again in a moment.`
  return serverMessage ?? `The request failed (HTTP ${status}).`
}
