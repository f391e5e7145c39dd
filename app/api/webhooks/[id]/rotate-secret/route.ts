import { authorizeApiRequest } from '@/lib/auth/guards'
import { isUuid } from '@/lib/codes/service'
import { apiError, methodNotAllowed, withApiErrors } from '@/lib/http/api-errors'
import { rotateWebhookSecret } from '@/lib/webhooks/endpoints'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

/** Replaces the signing secret and returns the new one once, in `secret`. */
export const POST = withApiErrors('POST /api/webhooks/[id]/rotate-secret', async (request, context: RouteContext<'/api/webhooks/[id]/rotate-secret'>) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied
  const { id } = await context.params
  const secret = isUuid(id) ? await rotateWebhookSecret(id.toLowerCase()) : null
  if (!secret) return apiError(404, 'not_found', `No webhook endpoint with id ${id}.`)
  return Response.json({ secret })
})
export const GET = methodNotAllowed(['POST'])
