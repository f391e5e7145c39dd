import 'server-only'

import { authorizeApiRequest } from '@/lib/auth/guards'
import { getCode } from '@/lib/codes/service'
import { getDatabase } from '@/lib/db'
import { apiError } from '@/lib/http/api-errors'
import { logger } from '@/lib/logger'
import { computeCodeAnalytics, resolveScanWindow, UnsupportedTimeZoneError } from '@/lib/scans/analytics'
import { uniqueScannersAvailable } from '@/lib/scans/service'
import { parseRangeQuery } from '@/lib/scans/analytics-range'
import { streamScanExport } from '@/lib/scans/scan-export'

type Loaded = { ok: true; codeId: string; slug: string } | { ok: false; response: Response }

/** Authorises the request and loads the code, or returns the 401 or 404 to send. */
async function loadCode(request: Request, id: string): Promise<Loaded> {
  const denied = await authorizeApiRequest(request)
  if (denied) return { ok: false, response: denied }
  const code = await getCode(id)
  if (!code) return { ok: false, response: apiError(404, 'not_found', `No code with id ${id}.`) }
  return { ok: true, codeId: code.id, slug: code.slug }
}

function unsupportedTimeZone(error: UnsupportedTimeZoneError): Response {
  return apiError(400, 'invalid_parameter', error.message, { tz: error.message })
}

/** Handles GET /api/codes/<id>/analytics?from&to&tz: the chart, the counters and the breakdowns as JSON. */
export async function respondWithAnalytics(request: Request, id: string): Promise<Response> {
  const loaded = await loadCode(request, id)
  if (!loaded.ok) return loaded.response

  const parsed = parseRangeQuery(new URL(request.url).searchParams, { required: true })
  if (!parsed.ok) return apiError(400, 'invalid_parameter', parsed.message, { [parsed.field]: parsed.message })

  try {
    const analytics = await computeCodeAnalytics(await getDatabase(), loaded.codeId, parsed.range)
    return Response.json({ analytics, uniquesAvailable: uniqueScannersAvailable() }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    if (error instanceof UnsupportedTimeZoneError) return unsupportedTimeZone(error)
    throw error
  }
}

/** Handles GET /api/codes/<id>/scans.csv?tz&from&to: every scan in the range as streamed CSV. */
export async function respondWithScanExport(request: Request, id: string): Promise<Response> {
  const loaded = await loadCode(request, id)
  if (!loaded.ok) return loaded.response

  const parsed = parseRangeQuery(new URL(request.url).searchParams, { required: false })
  if (!parsed.ok) return apiError(400, 'invalid_parameter', parsed.message, { [parsed.field]: parsed.message })

  const db = await getDatabase()
  let window
  try {
    window = await resolveScanWindow(db, loaded.codeId, parsed.range)
  } catch (error) {
    if (error instanceof UnsupportedTimeZoneError) return unsupportedTimeZone(error)
    throw error
  }

  const body = streamScanExport(db, window, (error) => {
    logger.error({ err: error, codeId: loaded.codeId }, 'scan export failed while streaming; the client received a truncated file')
  })
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="scans-${loaded.slug}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
