import { toFieldErrors } from '@/lib/codes/schema'
import { authorizeEventRequest } from '@/lib/events/api'
import { eventSettingsSchema } from '@/lib/events/schema'
import { changeEventSettings, getEvent, toEventJson } from '@/lib/events/service'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

export const GET = withApiErrors('GET /api/events/[id]', async (request, context: RouteContext<'/api/events/[id]'>) => {
  const loaded = await authorizeEventRequest(request, (await context.params).id)
  if (!loaded.ok) return loaded.response
  return Response.json({ event: toEventJson(loaded.event) })
})

/** Changes self check-in and whether the projector shows names. */
export const PATCH = withApiErrors('PATCH /api/events/[id]', async (request, context: RouteContext<'/api/events/[id]'>) => {
  const loaded = await authorizeEventRequest(request, (await context.params).id)
  if (!loaded.ok) return loaded.response

  const read = await readJsonBody(request)
  if (!read.ok) return read.response
  const parsed = eventSettingsSchema.safeParse(read.body)
  if (!parsed.success) {
    return apiError(400, 'validation_failed', 'The settings were not changed: check the fields.', toFieldErrors(parsed.error))
  }
  await changeEventSettings(loaded.event.id, {
    selfCheckIn: parsed.data.selfCheckIn ?? loaded.event.selfCheckIn,
    showNamesOnProjector: parsed.data.showNamesOnProjector ?? loaded.event.showNamesOnProjector,
  })
  const event = await getEvent(loaded.event.id)
  if (!event) return apiError(404, 'not_found', `No event with id ${loaded.event.id}.`)
  return Response.json({ event: toEventJson(event) })
})
export const POST = methodNotAllowed(['GET', 'PATCH'])
export const PUT = methodNotAllowed(['GET', 'PATCH'])
export const DELETE = methodNotAllowed(['GET', 'PATCH'])
