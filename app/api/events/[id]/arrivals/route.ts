import { authorizeApiRequest } from '@/lib/auth/guards'
import { getEvent, getRecentArrivalNames } from '@/lib/events/service'
import { apiError, methodNotAllowed, withApiErrors } from '@/lib/http/api-errors'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

const NAMES_SHOWN = 5

/**
 * First names of the latest arrivals, for the projector: an empty list unless the organiser
 * switched names on. Allowed with a session or API key, or with the event's projector share token.
 */
export const GET = withApiErrors('GET /api/events/[id]/arrivals', async (request, context: RouteContext<'/api/events/[id]/arrivals'>) => {
  const { id } = await context.params
  const event = await getEvent(id)
  const token = new URL(request.url).searchParams.get('token')
  const viaShareLink = event !== null && token !== null && token === event.shareToken
  if (!viaShareLink) {
    const denied = await authorizeApiRequest(request)
    if (denied) return denied
  }
  if (!event) return apiError(404, 'not_found', `No event with id ${id}.`)
  // With names switched off the answer is an empty list, so an open projector clears them.
  const names = event.showNamesOnProjector ? await getRecentArrivalNames(event.id, NAMES_SHOWN) : []
  return Response.json({ names, shown: event.showNamesOnProjector }, { headers: { 'Cache-Control': 'no-store' } })
})
export const POST = methodNotAllowed(['GET'])
export const PUT = methodNotAllowed(['GET'])
export const PATCH = methodNotAllowed(['GET'])
export const DELETE = methodNotAllowed(['GET'])
