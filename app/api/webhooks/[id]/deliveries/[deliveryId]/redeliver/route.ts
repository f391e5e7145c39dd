import { authorizeApiRequest } from '@/lib/auth/guards'
import { isUuid } from '@/lib/codes/service'
import { apiError, methodNotAllowed, withApiErrors } from '@/lib/http/api-errors'
import { redeliver } from '@/lib/webhooks/endpoints'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

type Context = RouteContext<'/api/webhooks/[id]/deliveries/[deliveryId]/redeliver'>

/** Sends a succeeded or failed delivery again, with the same event id. */
export const POST = withApiErrors('POST /api/webhooks/[id]/deliveries/[deliveryId]/redeliver', async (request, context: Context) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied
  const { id, deliveryId } = await context.params
  const queued = isUuid(id) && /^\d{1,15}$/.test(deliveryId) && (await redeliver(id.toLowerCase(), Number(deliveryId)))
  if (!queued) return apiError(404, 'not_found', `No finished delivery ${deliveryId} of webhook endpoint ${id}: it does not exist, belongs to another endpoint, or is still pending.`)
  return Response.json({ queued: true }, { status: 202 })
})
export const GET = methodNotAllowed(['POST'])
