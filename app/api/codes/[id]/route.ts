import { authorizeApiRequest } from '@/lib/auth/guards'
import { getCode, toCodeJson } from '@/lib/codes/service'
import { apiError, methodNotAllowed, withApiErrors } from '@/lib/http/api-errors'

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
export const POST = methodNotAllowed(['GET'])
export const PUT = methodNotAllowed(['GET'])
export const PATCH = methodNotAllowed(['GET'])
export const DELETE = methodNotAllowed(['GET'])
