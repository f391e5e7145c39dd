import { authorizeApiRequest } from '@/lib/auth/guards'
import { toFieldErrors } from '@/lib/codes/schema'
import { createEventSchema } from '@/lib/events/schema'
import { createEvent, getEvents, toEventJson } from '@/lib/events/service'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'
import { resolveSiteOrigin } from '@/lib/http/site-origin'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

export const POST = withApiErrors('POST /api/events', async (request) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied

  const read = await readJsonBody(request)
  if (!read.ok) return read.response
  const parsed = createEventSchema.safeParse(read.body)
  if (!parsed.success) {
    return apiError(400, 'validation_failed', 'The event could not be created: check the fields.', toFieldErrors(parsed.error))
  }

  const event = await createEvent(parsed.data, resolveSiteOrigin(request.headers))
  return Response.json({ event: toEventJson(event) }, { status: 201, headers: { Location: `/api/events/${event.id}` } })
})

export const GET = withApiErrors('GET /api/events', async (request) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied
  const events = await getEvents()
  return Response.json({ events: events.map(toEventJson) })
})
export const PUT = methodNotAllowed(['GET', 'POST'])
export const PATCH = methodNotAllowed(['GET', 'POST'])
export const DELETE = methodNotAllowed(['GET', 'POST'])
