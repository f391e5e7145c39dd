import { pointsAtOwnShortLink } from '@/lib/codes/schema'
import type { RecordedScan } from '@/lib/db/scans'
import { statusPage } from '@/lib/http/not-found-page'
import { logger } from '@/lib/logger'

/**
 * Builds a 302 redirect, never a 301: browsers cache a 301 and would skip the scan route, and the
 * count, on every later scan. `no-store` keeps proxies from caching it as well.
 */
function redirectTo(location: string): Response {
  return new Response(null, { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' } })
}

/** Tells whether a stored URL may be redirected to: http or https only, checked again at redirect time. */
function isSafeRedirect(url: string | null): url is string {
  if (!url) return false
  try {
    const protocol = new URL(url).protocol
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

const CLOSED_PAGES = {
  paused: { status: 200, heading: 'This QR code is paused', message: 'Its owner has paused it for now. Try again later.' },
  expired: { status: 410, heading: 'This QR code has expired', message: 'The campaign behind it has ended.' },
  exhausted: { status: 410, heading: 'This QR code has reached its limit', message: 'It has been scanned as many times as its owner allowed.' },
} as const

/** Builds the response to a recorded hit: the destination, the message page, self check-in, or the closed page. */
export function responseForScan(scan: RecordedScan, slug: string, ownHost: string | null = null): Response {
  if (scan.status === 'paused' || scan.status === 'expired' || scan.status === 'exhausted') {
    if (isSafeRedirect(scan.fallbackUrl)) return redirectTo(scan.fallbackUrl)
    const page = CLOSED_PAGES[scan.status]
    return statusPage(page.status, page.heading, page.message)
  }

  if (scan.kind === 'venue') return redirectTo(`/check-in/${slug}`)
  if (scan.kind === 'message') return redirectTo(`/m/${slug}`)
  // A destination that leads back here would count every hop of the loop as a scan.
  if (ownHost && scan.destination && pointsAtOwnShortLink(scan.destination, ownHost)) {
    logger.error({ codeId: scan.codeId, slug }, 'destination is a short link of this app; not redirecting')
    return statusPage(508, 'This QR code points back at itself', 'Its owner needs to change the destination to the final page.')
  }
  if (isSafeRedirect(scan.destination)) return redirectTo(scan.destination)

  // A row written around the app's validation: show an error rather than redirect to it.
  logger.error({ codeId: scan.codeId, slug }, 'stored destination is not an http(s) URL; not redirecting')
  return statusPage(502, 'This QR code’s destination is invalid', 'Its owner needs to fix the destination address.')
}
