import { authorizeApiRequest } from '@/lib/auth/guards'
import { getCode } from '@/lib/codes/service'
import { apiError, withApiErrors } from '@/lib/http/api-errors'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

export const GET = withApiErrors('GET /api/codes/[id]/qr.svg', async (request, context: RouteContext<'/api/codes/[id]/qr.svg'>) => {
  const denied = await authorizeApiRequest(request)
  if (denied) return denied

  const { id } = await context.params
  const code = await getCode(id)
  if (!code) return apiError(404, 'not_found', `No code with id ${id}.`)

  const headers: Record<string, string> = {
    'Content-Type': 'image/svg+xml',
    // The design can change, so a cached image is checked again before use.
    'Cache-Control': 'private, no-cache',
    // The SVG may embed an uploaded SVG logo. Opened on its own, it may show data: images and
    // nothing else: no scripts, no requests.
    'Content-Security-Policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
  }
  if (new URL(request.url).searchParams.has('download')) {
    headers['Content-Disposition'] = `attachment; filename="qr-${code.slug}.svg"`
  }
  return new Response(code.qrSvg, { headers })
})
