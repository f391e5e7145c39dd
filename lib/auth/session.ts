import 'server-only'

import { cookies, headers } from 'next/headers'

import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS, signSessionToken, verifySessionToken } from '@/lib/auth/session-token'
import { getServerEnv, isOpenDevelopmentMode } from '@/lib/env'
import { resolveSiteOrigin } from '@/lib/http/site-origin'

/**
 * Tells whether the request is signed in: a valid session cookie, or development mode
 * without ADMIN_PASSWORD and SESSION_SECRET, where the admin pages are open.
 */
export async function hasAdminSession(): Promise<boolean> {
  // Reading the cookies first makes every page that checks the session dynamic. Otherwise a
  // build without SESSION_SECRET would prerender the sign-in redirect into the page.
  const cookieStore = await cookies()
  if (isOpenDevelopmentMode()) return true
  const secret = getServerEnv().SESSION_SECRET
  if (!secret) return false
  return verifySessionToken(secret, cookieStore.get(SESSION_COOKIE)?.value)
}

/**
 * Returns the Set-Cookie attributes of the session cookie. It is Secure whenever the site is
 * served over https (SITE_URL, or the request's forwarded scheme). Over plain http, on a local
 * network, browsers would drop a Secure cookie and sign-in could never hold.
 */
export async function sessionCookieOptions(maxAge: number) {
  const origin = resolveSiteOrigin(await headers())
  return {
    httpOnly: true,
    secure: origin.startsWith('https:'),
    sameSite: 'lax' as const,
    path: '/',
    maxAge,
  }
}

/** Sets a new session cookie. Needs SESSION_SECRET. */
export async function startSession(): Promise<void> {
  const secret = getServerEnv().SESSION_SECRET
  if (!secret) throw new Error('SESSION_SECRET is not set, so no session can be signed.')
  const token = await signSessionToken(secret)
  ;(await cookies()).set(SESSION_COOKIE, token, await sessionCookieOptions(SESSION_MAX_AGE_SECONDS))
}

export async function endSession(): Promise<void> {
  ;(await cookies()).set(SESSION_COOKIE, '', await sessionCookieOptions(0))
}
