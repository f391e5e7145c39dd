import { toFieldErrors } from '@/lib/codes/schema'
import { authorizeEventRequest } from '@/lib/events/api'
import { checkInRequestSchema } from '@/lib/events/schema'
import { checkInAttendee, getCheckInLog, tokenFromScannedText } from '@/lib/events/service'
import { firstName } from '@/lib/events/types'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

type Context = RouteContext<'/api/events/[id]/check-ins'>

/**
 * Checks an attendee in: `{ code, door }` with the text of a scanned personal code, or
 * `{ attendeeId, door }` from a search. Answers 200 with the outcome (accepted, duplicate,
 * cancelled or unknown), and 422 with code `not_a_badge` for a QR that is not a personal code.
 */
export const POST = withApiErrors('POST /api/events/[id]/check-ins', async (request, context: Context) => {
  const loaded = await authorizeEventRequest(request, (await context.params).id)
  if (!loaded.ok) return loaded.response

  const read = await readJsonBody(request)
  if (!read.ok) return read.response
  const parsed = checkInRequestSchema.safeParse(read.body)
  if (!parsed.success) {
    return apiError(400, 'validation_failed', 'Send { "code": "<scanned text>" } or { "attendeeId": "<id>" }.', toFieldErrors(parsed.error))
  }

  const { code, attendeeId, door } = parsed.data
  let target: { token: string } | { attendeeId: string }
  if (attendeeId) {
    target = { attendeeId: attendeeId.toLowerCase() }
  } else {
    const token = tokenFromScannedText(code ?? '')
    if (!token) return apiError(422, 'not_a_badge', 'This QR code is not an attendee badge.')
    target = { token }
  }

  const result = await checkInAttendee(loaded.event.id, target, door, attendeeId ? 'search' : 'scanner')
  return Response.json({ checkIn: result }, { headers: { 'Cache-Control': 'no-store' } })
})

/** Returns the newest entries of the check-in log, for the dashboard's recent check-ins. */
export const GET = withApiErrors('GET /api/events/[id]/check-ins', async (request, context: Context) => {
  const loaded = await authorizeEventRequest(request, (await context.params).id)
  if (!loaded.ok) return loaded.response

  const log = await getCheckInLog(loaded.event.id, 20)
  return Response.json(
    {
      checkIns: log.map((entry) => ({
        id: entry.id,
        outcome: entry.outcome,
        attendeeId: entry.attendeeId,
        firstName: entry.name ? firstName(entry.name) : null,
        name: entry.name,
        door: entry.door,
        method: entry.method,
        at: entry.at.toISOString(),
      })),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  )
})
export const PUT = methodNotAllowed(['GET', 'POST'])
export const PATCH = methodNotAllowed(['GET', 'POST'])
export const DELETE = methodNotAllowed(['GET', 'POST'])
