import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

// Per client: 5 attempts a minute. For everyone together: 30 a minute, because the client key
// comes from a header that a client without a proxy in front can change.
const perClient = new RateLimiterMemory({ keyPrefix: 'sign-in-client', points: 5, duration: 60 })
const overall = new RateLimiterMemory({ keyPrefix: 'sign-in-all', points: 30, duration: 60 })

/**
 * Counts one sign-in attempt and returns 0 when it may go ahead, or the number of seconds to
 * wait. Limits are per server process.
 */
export async function consumeSignInAttempt(clientKey: string): Promise<number> {
  try {
    await overall.consume('all')
    await perClient.consume(clientKey)
    return 0
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
    throw rejection
  }
}

/** Forgets a client's failed attempts after it signs in. */
export async function resetSignInAttempts(clientKey: string): Promise<void> {
  await perClient.delete(clientKey)
}
