import { authorizeApiRequest } from '@/lib/auth/guards'
import { toFieldErrors, updateCodeSchema } from '@/lib/codes/schema'
import { getCode, removeCode, toCodeJson, updateCodeSettings } from '@/lib/codes/service'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'
import { resolveSiteOrigin } from '@/lib/http/site-origin'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

export const GET = withApiErrors('GET /api/codes/[id]', async (request, context: RouteContext<'/api/codes/[id]'>) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied

  const { id } = await context.params
  const code = await getCode(id)
  if (!code) return apiError(404, 'not_found', `No code with id ${id}.`)
  return Response.json({ code: toCodeJson(code) })
})
/** Edits the title or destination (the QR stays the same), pauses, expires, caps or archives a code. */
export const PATCH = withApiErrors('PATCH /api/codes/[id]', async (request, context: RouteContext<'/api/codes/[id]'>) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied

  const read = await readJsonBody(request)
  if (!read.ok) return read.response
  const parsed = updateCodeSchema.safeParse(read.body)
  if (!parsed.success) {
    return apiError(400, 'validation_failed', 'The code was not changed: check the fields.', toFieldErrors(parsed.error))
  }

  const { id } = await context.params
  const result = await updateCodeSettings(id, read.body as Record<string, unknown>, parsed.data, resolveSiteOrigin(request.headers))
  if (result.ok) return Response.json({ code: toCodeJson(result.code) })
  if ('notFound' in result) return apiError(404, 'not_found', `No code with id ${id}.`)
  return apiError(400, 'validation_failed', 'The code was not changed: check the fields.', result.fieldErrors)
})

/** Deletes a code and its scans. Its slug is never given to another code. */
export const DELETE = withApiErrors('DELETE /api/codes/[id]', async (request, context: RouteContext<'/api/codes/[id]'>) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied

  const { id } = await context.params
  if (!(await removeCode(id))) return apiError(404, 'not_found', `No code with id ${id}.`)
  return new Response(null, { status: 204 })
})
export const POST = methodNotAllowed(['GET', 'PATCH', 'DELETE'])
export const PUT = methodNotAllowed(['GET', 'PATCH', 'DELETE'])
