import { authorizeApiRequest } from '@/lib/auth/guards'
import { toFieldErrors } from '@/lib/codes/schema'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'
import { createWebhookEndpoint, getWebhookEndpoints, toEndpointJson } from '@/lib/webhooks/endpoints'
import { createEndpointSchema } from '@/lib/webhooks/schema'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

export const GET = withApiErrors('GET /api/webhooks', async (request) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied
  const endpoints = await getWebhookEndpoints()
  return Response.json({ endpoints: endpoints.map(toEndpointJson) })
})

/** Creates an endpoint and returns its signing secret once, in `secret`. */
export const POST = withApiErrors('POST /api/webhooks', async (request) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied

  const read = await readJsonBody(request)
  if (!read.ok) return read.response
  const parsed = createEndpointSchema.safeParse(read.body)
  if (!parsed.success) return apiError(400, 'validation_failed', 'The endpoint could not be created: check the fields.', toFieldErrors(parsed.error))

  const result = await createWebhookEndpoint(parsed.data)
  if (!result.ok) return apiError(400, 'validation_failed', 'The endpoint could not be created: check the fields.', 'fields' in result ? result.fields : undefined)
  return Response.json({ endpoint: toEndpointJson(result.value.endpoint), secret: result.value.secret }, { status: 201 })
})
export const PUT = methodNotAllowed(['GET', 'POST'])
export const PATCH = methodNotAllowed(['GET', 'POST'])
export const DELETE = methodNotAllowed(['GET', 'POST'])
