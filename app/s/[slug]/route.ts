import { getCodeBySlug } from '@/lib/codes/service'
import { normalizeSlug } from '@/lib/codes/slug'
import type { CodeKind } from '@/lib/codes/types'
import { notFoundPage } from '@/lib/http/not-found-page'
import { logger } from '@/lib/logger'
import { recordScanFromRequest } from '@/lib/scans/service'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

const UNKNOWN_CODE_MESSAGE = 'The link may be mistyped, or the code was removed. Check the address and try again.'

/**
 * Builds a 302 redirect, never a 301: browsers cache a 301 and would skip this route, and the count, on
 * every later scan. `no-store` keeps proxies from caching it as well.
 */
function redirectTo(location: string): Response {
  return new Response(null, { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' } })
}

/** A URL code goes to its destination, a message code to its message page, an event's venue code to self check-in. */
function locationFor(code: { kind: CodeKind; destination: string | null }, slug: string): string {
  if (code.kind === 'venue') return `/check-in/${slug}`
  return code.kind === 'url' && code.destination ? code.destination : `/m/${slug}`
}

/** Counts the scan, then redirects to the destination (or to the message page). */
export async function GET(request: Request, context: RouteContext<'/s/[slug]'>) {
  const slug = normalizeSlug((await context.params).slug)
  if (!slug) return notFoundPage(UNKNOWN_CODE_MESSAGE)

  try {
    const scan = await recordScanFromRequest(slug, request.headers)
    if (!scan) return notFoundPage(UNKNOWN_CODE_MESSAGE)
    return redirectTo(locationFor(scan, slug))
  } catch (error) {
    logger.error({ err: error, slug }, 'recording a scan failed')
    throw error
  }
}

/** Responds like GET but counts nothing: link checkers and previews send HEAD. */
export async function HEAD(_request: Request, context: RouteContext<'/s/[slug]'>) {
  const slug = normalizeSlug((await context.params).slug)
  const code = slug ? await getCodeBySlug(slug) : null
  if (!slug || !code) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } })
  return redirectTo(locationFor(code, slug))
}
