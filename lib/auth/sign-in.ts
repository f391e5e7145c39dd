import 'server-only'

import { passwordMatches } from '@/lib/auth/password'
import { consumeSignInAttempt, resetSignInAttempts } from '@/lib/auth/sign-in-limiter'
import { startSession } from '@/lib/auth/session'
import { getServerEnv, isAccessControlConfigured } from '@/lib/env'
import { clientKey } from '@/lib/http/client-key'
import { logger } from '@/lib/logger'

export type SignInResult =
  | { ok: true }
  | { ok: false; reason: 'not_configured' | 'wrong_password' | 'rate_limited'; retryAfterSeconds?: number }

/** Checks the team password, rate-limited, and starts a session when it matches. */
export async function signIn(password: string, headers: Headers): Promise<SignInResult> {
  const env = getServerEnv()
  if (!isAccessControlConfigured(env) || !env.ADMIN_PASSWORD) return { ok: false, reason: 'not_configured' }

  const key = clientKey(headers)
  const retryAfterSeconds = await consumeSignInAttempt(key)
  if (retryAfterSeconds > 0) {
    logger.warn({ retryAfterSeconds }, 'sign-in rate limit reached')
    return { ok: false, reason: 'rate_limited', retryAfterSeconds }
  }

  if (!passwordMatches(password, env.ADMIN_PASSWORD)) {
    logger.info('sign-in failed: wrong password')
    return { ok: false, reason: 'wrong_password' }
  }

  await resetSignInAttempts(key)
  await startSession()
  logger.info('signed in')
  return { ok: true }
}

export const SIGN_IN_MESSAGES: Record<Exclude<SignInResult, { ok: true }>['reason'], string> = {
  not_configured: 'Sign-in is not set up: set ADMIN_PASSWORD and SESSION_SECRET on the server.',
  wrong_password: 'Wrong password. Try again.',
  rate_limited: 'Too many attempts. Wait a minute and try again.',
}
