import 'server-only'

import { cookies } from 'next/headers'

import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS, signSessionToken, verifySessionToken } from '@/lib/auth/session-token'
import { getServerEnv, isOpenDevelopmentMode } from '@/lib/env'

/**
 * Tells whether the request is signed in: a valid session cookie, or development mode
 * without ADMIN_PASSWORD and SESSION_SECRET, where the admin pages are open.
 */
export async function hasAdminSession(): Promise<boolean> {
  if (isOpenDevelopmentMode()) return true
  const secret = getServerEnv().SESSION_SECRET
  if (!secret) return false
  return verifySessionToken(secret, (await cookies()).get(SESSION_COOKIE)?.value)
}

/**
 * Returns the Set-Cookie attributes of the session cookie. It is Secure in production, unless
 * SITE_URL says the site is served over plain http (a server on a local network).
 */
export function sessionCookieOptions(maxAge: number) {
  const env = getServerEnv()
  return {
    httpOnly: true,
    secure: env.NODE_ENV === 'production' && !env.SITE_URL?.startsWith('http:'),
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
  ;(await cookies()).set(SESSION_COOKIE, token, sessionCookieOptions(SESSION_MAX_AGE_SECONDS))
}

export async function endSession(): Promise<void> {
  ;(await cookies()).set(SESSION_COOKIE, '', sessionCookieOptions(0))
}
