import { authorizeApiRequest } from '@/lib/auth/guards'
import { createCodeSchema, loopError, toFieldErrors } from '@/lib/codes/schema'
import { createCode, listCodesPage, toCodeJson } from '@/lib/codes/service'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'
import { resolveSiteOrigin } from '@/lib/http/site-origin'
import { parsePositiveInt } from '@/lib/http/query'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

export const POST = withApiErrors('POST /api/codes', async (request) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied

  const read = await readJsonBody(request)
  if (!read.ok) return read.response

  const parsed = createCodeSchema.safeParse(read.body)
  if (!parsed.success) {
    return apiError(400, 'validation_failed', 'The code could not be created: check the fields.', toFieldErrors(parsed.error))
  }

  const origin = resolveSiteOrigin(request.headers)
  const loop = parsed.data.kind === 'url' ? loopError(parsed.data.destination, origin) : null
  if (loop) return apiError(400, 'validation_failed', 'The code could not be created: check the fields.', { destination: loop })

  const code = await createCode(parsed.data, origin)
  return Response.json({ code: toCodeJson(code) }, { status: 201, headers: { Location: `/api/codes/${code.id}` } })
})

export const GET = withApiErrors('GET /api/codes', async (request) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied

  const params = new URL(request.url).searchParams
  const page = parsePositiveInt(params.get('page'), 1)
  const pageSize = parsePositiveInt(params.get('pageSize'), 20)
  if (page === null) return apiError(400, 'invalid_parameter', 'page must be a whole number of at least 1.', { page: 'Invalid page' })
  if (pageSize === null || pageSize > 100) {
    return apiError(400, 'invalid_parameter', 'pageSize must be a whole number from 1 to 100.', { pageSize: 'Invalid pageSize' })
  }

  const result = await listCodesPage(page, pageSize)
  return Response.json({
    codes: result.codes.map(toCodeJson),
    page: result.page,
    pageSize: result.pageSize,
    pageCount: result.pageCount,
    total: result.total,
  })
})
export const PUT = methodNotAllowed(['GET', 'POST'])
export const PATCH = methodNotAllowed(['GET', 'POST'])
export const DELETE = methodNotAllowed(['GET', 'POST'])
