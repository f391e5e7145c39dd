import { getServerEnv } from '@/lib/env'

/**
 * Returns the origin that short links use: SITE_URL when set, else the origin the request
 * came in on (a proxy's X-Forwarded-Host and X-Forwarded-Proto first).
 */
export function resolveSiteOrigin(headers: Headers): string {
  const siteUrl = getServerEnv().SITE_URL
  if (siteUrl) return new URL(siteUrl).origin

  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host') || 'localhost:3000'
  const forwardedProto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim()
  const protocol = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : 'http'
  return new URL(`${protocol}://${host}`).origin
}
