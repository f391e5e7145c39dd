import { toFieldErrors } from '@/lib/codes/schema'
import { authorizeEventRequest } from '@/lib/events/api'
import { newAttendeeSchema } from '@/lib/events/schema'
import { addAttendee, getAttendeesPage, toAttendeeJson } from '@/lib/events/service'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'
import { parsePositiveInt } from '@/lib/http/query'
import { resolveSiteOrigin } from '@/lib/http/site-origin'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

type Context = RouteContext<'/api/events/[id]/attendees'>

/** Lists attendees in list order; `q` searches names and emails (the scanner's manual search). */
export const GET = withApiErrors('GET /api/events/[id]/attendees', async (request, context: Context) => {
  const loaded = await authorizeEventRequest(request, (await context.params).id)
  if (!loaded.ok) return loaded.response

  const params = new URL(request.url).searchParams
  const page = parsePositiveInt(params.get('page'), 1)
  const pageSize = parsePositiveInt(params.get('pageSize'), 50)
  if (page === null) return apiError(400, 'invalid_parameter', 'page must be a whole number of at least 1.', { page: 'Invalid page' })
  if (pageSize === null || pageSize > 500) {
    return apiError(400, 'invalid_parameter', 'pageSize must be a whole number from 1 to 500.', { pageSize: 'Invalid pageSize' })
  }
  const search = params.get('q')?.trim().slice(0, 200) || undefined

  const { attendees, total } = await getAttendeesPage(loaded.event.id, { search, limit: pageSize, offset: (page - 1) * pageSize })
  const origin = resolveSiteOrigin(request.headers)
  return Response.json(
    { attendees: attendees.map((attendee) => toAttendeeJson(attendee, origin)), page, pageSize, total },
    { headers: { 'Cache-Control': 'no-store' } },
  )
})

export const POST = withApiErrors('POST /api/events/[id]/attendees', async (request, context: Context) => {
  const loaded = await authorizeEventRequest(request, (await context.params).id)
  if (!loaded.ok) return loaded.response

  const read = await readJsonBody(request)
  if (!read.ok) return read.response
  const parsed = newAttendeeSchema.safeParse(read.body)
  if (!parsed.success) {
    return apiError(400, 'validation_failed', 'The attendee was not added: check the fields.', toFieldErrors(parsed.error))
  }

  const attendee = await addAttendee(loaded.event.id, parsed.data)
  if (!attendee) {
    return apiError(409, 'conflict', `${parsed.data.email} is already on this event's list.`, { email: 'Already on the list.' })
  }
  return Response.json({ attendee: toAttendeeJson(attendee, resolveSiteOrigin(request.headers)) }, { status: 201 })
})
export const PUT = methodNotAllowed(['GET', 'POST'])
export const PATCH = methodNotAllowed(['GET', 'POST'])
export const DELETE = methodNotAllowed(['GET', 'POST'])
