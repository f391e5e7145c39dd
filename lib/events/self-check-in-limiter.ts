import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

// Per client: 6 tries a minute, enough for a typo or two. Per event: 600 a minute, well above a
// busy door, because the client key comes from a header a client without a proxy can change.
const perClient = new RateLimiterMemory({ keyPrefix: 'self-check-in-client', points: 6, duration: 60 })
const perEvent = new RateLimiterMemory({ keyPrefix: 'self-check-in-event', points: 600, duration: 60 })

/** Counts one self check-in try; returns 0 when it may go ahead, or the seconds to wait. Per process. */
export async function consumeSelfCheckIn(eventId: string, clientKey: string): Promise<number> {
  try {
    await perEvent.consume(eventId)
    await perClient.consume(`${eventId}:${clientKey}`)
    return 0
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
    throw rejection
  }
}
