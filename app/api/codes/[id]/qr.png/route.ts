import { DEFAULT_PNG_SIZE, MAX_PNG_SIZE, MIN_PNG_SIZE } from '@/lib/codes/qr'
import { authorizeApiRequest } from '@/lib/auth/guards'
import { getCodeWithDesign, renderCodePng } from '@/lib/codes/design-service'
import { apiError, withApiErrors } from '@/lib/http/api-errors'
import { parsePositiveInt } from '@/lib/http/query'

// Uses Node.js APIs (the database drivers, node:crypto, sharp), which the Edge runtime lacks.
export const runtime = 'nodejs'

export const GET = withApiErrors('GET /api/codes/[id]/qr.png', async (request, context: RouteContext<'/api/codes/[id]/qr.png'>) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied

  const params = new URL(request.url).searchParams
  const size = parsePositiveInt(params.get('size'), DEFAULT_PNG_SIZE)
  if (size === null || size < MIN_PNG_SIZE || size > MAX_PNG_SIZE) {
    return apiError(400, 'invalid_parameter', `size must be a whole number of pixels from ${MIN_PNG_SIZE} to ${MAX_PNG_SIZE}.`, {
      size: `Must be from ${MIN_PNG_SIZE} to ${MAX_PNG_SIZE}`,
    })
  }

  const { id } = await context.params
  const found = await getCodeWithDesign(id)
  if (!found) return apiError(404, 'not_found', `No code with id ${id}.`)

  const png = await renderCodePng(found.code, found.design, size)
  const headers: Record<string, string> = {
    'Content-Type': 'image/png',
    // The design can change, so a cached image is checked again before use.
    'Cache-Control': 'private, no-cache',
  }
  if (params.has('download')) headers['Content-Disposition'] = `attachment; filename="qr-${found.code.slug}-${size}px.png"`
  return new Response(new Uint8Array(png), { headers })
})
