import { normalizeSlug } from '@/lib/codes/slug'
import { notFoundPage } from '@/lib/http/not-found-page'
import { logger } from '@/lib/logger'
import { responseForScan } from '@/lib/scans/scan-response'
import { recordScanFromRequest } from '@/lib/scans/service'
import { deliverWebhooksSoon } from '@/lib/webhooks/service'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

const UNKNOWN_CODE_MESSAGE = 'The link may be mistyped, or the code was removed. Check the address and try again.'

/**
 * Records the hit with its label (only human scans count) and answers with the redirect, the
 * message page or the closed page. HEAD answers the same way without a body, so link checkers
 * see what a person would.
 */
async function handle(request: Request, context: RouteContext<'/s/[slug]'>) {
  const slug = normalizeSlug((await context.params).slug)
  if (!slug) return notFoundPage(UNKNOWN_CODE_MESSAGE)

  try {
    const scan = await recordScanFromRequest(slug, request.method, request.headers)
    if (!scan) return notFoundPage(UNKNOWN_CODE_MESSAGE)
    if (scan.status === 'counted') deliverWebhooksSoon()
    return responseForScan(scan, slug, request.headers.get('host'))
  } catch (error) {
    logger.error({ err: error, slug }, 'recording a scan failed')
    throw error
  }
}

export const GET = handle
export const HEAD = handle
