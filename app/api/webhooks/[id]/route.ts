import { authorizeApiRequest } from '@/lib/auth/guards'
import { toFieldErrors } from '@/lib/codes/schema'
import { isUuid } from '@/lib/codes/service'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'
import { changeWebhookEndpoint, getDeliveries, getWebhookEndpoint, removeWebhookEndpoint, toDeliveryJson, toEndpointJson } from '@/lib/webhooks/endpoints'
import { updateEndpointSchema } from '@/lib/webhooks/schema'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

type Context = RouteContext<'/api/webhooks/[id]'>

const notFound = (id: string) => apiError(404, 'not_found', `No webhook endpoint with id ${id}.`)

/** Returns the endpoint and its 50 newest deliveries. */
export const GET = withApiErrors('GET /api/webhooks/[id]', async (request, context: Context) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied
  const { id } = await context.params
  const endpoint = isUuid(id) ? await getWebhookEndpoint(id.toLowerCase()) : null
  if (!endpoint) return notFound(id)
  const deliveries = await getDeliveries(endpoint.id)
  return Response.json({ endpoint: toEndpointJson(endpoint), deliveries: deliveries.map(toDeliveryJson) })
})

/** Changes the URL, description, events, codes or `paused`; fields left out keep their value. */
export const PATCH = withApiErrors('PATCH /api/webhooks/[id]', async (request, context: Context) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied
  const { id } = await context.params
  if (!isUuid(id)) return notFound(id)

  const read = await readJsonBody(request)
  if (!read.ok) return read.response
  const parsed = updateEndpointSchema.safeParse(read.body)
  if (!parsed.success) return apiError(400, 'validation_failed', 'The endpoint could not be changed: check the fields.', toFieldErrors(parsed.error))

  const result = await changeWebhookEndpoint(id.toLowerCase(), parsed.data)
  if (result.ok) return Response.json({ endpoint: toEndpointJson(result.value) })
  if ('notFound' in result) return notFound(id)
  return apiError(400, 'validation_failed', 'The endpoint could not be changed: check the fields.', result.fields)
})

/** Deletes the endpoint and its delivery log; queued deliveries to it are dropped. */
export const DELETE = withApiErrors('DELETE /api/webhooks/[id]', async (request, context: Context) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied
  const { id } = await context.params
  if (!isUuid(id) || !(await removeWebhookEndpoint(id.toLowerCase()))) return notFound(id)
  return new Response(null, { status: 204 })
})
export const POST = methodNotAllowed(['GET', 'PATCH', 'DELETE'])
export const PUT = methodNotAllowed(['GET', 'PATCH', 'DELETE'])
