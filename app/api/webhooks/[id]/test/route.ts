import { authorizeApiRequest } from '@/lib/auth/guards'
import { isUuid } from '@/lib/codes/service'
import { apiError, methodNotAllowed, withApiErrors } from '@/lib/http/api-errors'
import { sendTestEvent } from '@/lib/webhooks/endpoints'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

/** Queues a webhook.test event to this endpoint and returns its event id; the delivery log shows the result. */
export const POST = withApiErrors('POST /api/webhooks/[id]/test', async (request, context: RouteContext<'/api/webhooks/[id]/test'>) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied
  const { id } = await context.params
  const eventId = isUuid(id) ? await sendTestEvent(id.toLowerCase()) : null
  if (!eventId) return apiError(404, 'not_found', `No webhook endpoint with id ${id}.`)
  return Response.json({ eventId }, { status: 202 })
})
export const GET = methodNotAllowed(['POST'])
