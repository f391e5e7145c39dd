import { getCode, toCodeJson } from '@/lib/codes/service'
import { apiError, withApiErrors } from '@/lib/http/api-errors'

export const GET = withApiErrors('GET /api/codes/[id]', async (_request, context: RouteContext<'/api/codes/[id]'>) => {
  const { id } = await context.params
  const code = await getCode(id)
  if (!code) return apiError(404, 'not_found', `No code with id ${id}.`)
  return Response.json({ code: toCodeJson(code) })
})
