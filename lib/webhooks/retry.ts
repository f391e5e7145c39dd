export interface RetrySchedule {
  /** The delay after the first failed attempt, in milliseconds; it doubles after each further failure. */
  baseDelayMs: number
  /** The maximum delay between two attempts, in milliseconds. */
  maxDelayMs: number
  /** How long after a delivery was queued it may still be retried, in milliseconds; then it is marked failed. */
  windowMs: number
}

/** 30 s, 1 min, 2 min, … up to 1 h between attempts, for 24 hours: an estimated 30 to 40 attempts, depending on the jitter. */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = {
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  windowMs: 24 * 60 * 60_000,
}

/**
 * Returns when to try again after failed attempt number `attempt` (from 1), or null when the next
 * attempt would fall outside the retry window. The delay is exponential with jitter: a random
 * point between half and all of the capped delay, so receivers that come back up are not hit by
 * every queued delivery at once.
 */
export function nextAttemptAt(
  schedule: RetrySchedule,
  attempt: number,
  queuedAt: Date,
  now: Date = new Date(),
  random: () => number = Math.random,
): Date | null {
  const exponential = schedule.baseDelayMs * 2 ** Math.min(attempt - 1, 30)
  const capped = Math.min(schedule.maxDelayMs, exponential)
  const delay = capped / 2 + random() * (capped / 2)
  const next = new Date(now.getTime() + delay)
  return next.getTime() > queuedAt.getTime() + schedule.windowMs ? null : next
}
