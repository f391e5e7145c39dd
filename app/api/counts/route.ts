import { getScanCounts } from '@/lib/codes/service'
import { apiError, methodNotAllowed, withApiErrors } from '@/lib/http/api-errors'
import { parseIdList } from '@/lib/http/query'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

export const dynamic = 'force-dynamic'

/** Returns the current counts of the codes in `ids`: what a live client reads on every (re)connect. */
export const GET = withApiErrors('GET /api/counts', async (request) => {
  const parsed = parseIdList(new URL(request.url).searchParams.get('ids'))
  if (!parsed.ok) return apiError(400, 'invalid_parameter', parsed.message, { ids: parsed.message })

  const counts = await getScanCounts([...parsed.ids])
  return Response.json({ counts }, { headers: { 'Cache-Control': 'no-store' } })
})
export const POST = methodNotAllowed(['GET'])
export const PUT = methodNotAllowed(['GET'])
export const PATCH = methodNotAllowed(['GET'])
export const DELETE = methodNotAllowed(['GET'])
