import { authorizeApiRequest } from '@/lib/auth/guards'
import { getCodeWithDesign, toDesignJson, updateCodeDesign } from '@/lib/codes/design-service'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'

// Uses Node.js APIs (the database drivers, sharp), which the Edge runtime lacks.
export const runtime = 'nodejs'

// A 100 KB logo is about 137 KB as base64, plus the other fields.
const MAX_DESIGN_BODY_BYTES = 256 * 1024

export const GET = withApiErrors('GET /api/codes/[id]/design', async (request, context: RouteContext<'/api/codes/[id]/design'>) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied

  const { id } = await context.params
  const found = await getCodeWithDesign(id)
  if (!found) return apiError(404, 'not_found', `No code with id ${id}.`)
  return Response.json({ design: toDesignJson(found.design) }, { headers: { 'Cache-Control': 'no-store' } })
})

export const PUT = withApiErrors('PUT /api/codes/[id]/design', async (request, context: RouteContext<'/api/codes/[id]/design'>) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied

  const body = await readJsonBody(request, MAX_DESIGN_BODY_BYTES)
  if (!body.ok) return body.response

  const { id } = await context.params
  const result = await updateCodeDesign(id, body.body)
  if (result.status === 'not_found') return apiError(404, 'not_found', `No code with id ${id}.`)
  if (result.status === 'invalid') return apiError(400, 'validation_failed', 'The design is invalid. See fields.', result.fields)
  return Response.json({ design: toDesignJson(result.design) })
})

const notAllowed = methodNotAllowed(['GET', 'PUT'])
export const POST = notAllowed
export const PATCH = notAllowed
export const DELETE = notAllowed
