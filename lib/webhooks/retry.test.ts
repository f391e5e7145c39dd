import { describe, expect, it } from 'vitest'

import { DEFAULT_RETRY_SCHEDULE, nextAttemptAt } from '@/lib/webhooks/retry'

describe('nextAttemptAt', () => {
  const queuedAt = new Date('2026-01-01T00:00:00Z')

  it('doubles the delay with jitter between half and all of it', () => {
    const low = nextAttemptAt(DEFAULT_RETRY_SCHEDULE, 3, queuedAt, queuedAt, () => 0)
    const high = nextAttemptAt(DEFAULT_RETRY_SCHEDULE, 3, queuedAt, queuedAt, () => 1)
    expect(low!.getTime() - queuedAt.getTime()).toBe(60_000)
    expect(high!.getTime() - queuedAt.getTime()).toBe(120_000)
  })

  it('caps the delay at the maximum', () => {
    const next = nextAttemptAt(DEFAULT_RETRY_SCHEDULE, 40, queuedAt, queuedAt, () => 1)
    expect(next!.getTime() - queuedAt.getTime()).toBe(DEFAULT_RETRY_SCHEDULE.maxDelayMs)
  })

  it('returns null past the 24-hour window', () => {
    const late = new Date(queuedAt.getTime() + 23.9 * 3_600_000)
    expect(nextAttemptAt(DEFAULT_RETRY_SCHEDULE, 30, queuedAt, late, () => 1)).toBeNull()
  })

  it('makes about 30 to 40 attempts in the default window', () => {
    let now = queuedAt
    let attempts = 1
    for (;;) {
      const next = nextAttemptAt(DEFAULT_RETRY_SCHEDULE, attempts, queuedAt, now, () => 0.5)
      if (!next) break
      now = next
      attempts += 1
    }
    expect(attempts).toBeGreaterThanOrEqual(25)
    expect(attempts).toBeLessThanOrEqual(45)
  })
})
