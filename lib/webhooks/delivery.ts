import { claimDueDeliveries, completeDelivery, type ClaimedDelivery } from '@/lib/db/webhooks'
import type { Queryable } from '@/lib/db/types'
import { logger } from '@/lib/logger'
import { buildEventBody } from '@/lib/webhooks/payload'
import { nextAttemptAt, type RetrySchedule } from '@/lib/webhooks/retry'
import type { SendResult } from '@/lib/webhooks/send'
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, signPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@/lib/webhooks/signature'

export type Sender = (url: string, body: string, headers: Record<string, string>) => Promise<SendResult>

export interface DeliveryOptions {
  send: Sender
  schedule: RetrySchedule
  /** How long a claim lasts, in milliseconds; longer than the attempt timeout so it never runs out mid-attempt. */
  leaseMs: number
  /** The maximum number of deliveries claimed, and sent concurrently, per round. */
  batchSize: number
}

/** Builds the signed headers of one attempt. The timestamp is new on every attempt; the event id is not. */
export function signedHeaders(delivery: ClaimedDelivery, body: string, now: Date = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000)
  return {
    [EVENT_ID_HEADER]: delivery.eventId,
    [EVENT_TYPE_HEADER]: delivery.eventType,
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signPayload(delivery.secret, timestamp, body),
  }
}

async function attempt(db: Queryable, delivery: ClaimedDelivery, options: DeliveryOptions): Promise<void> {
  const body = buildEventBody(delivery)
  const result = await options.send(delivery.url, body, signedHeaders(delivery, body))
  const retryAt = result.ok ? null : nextAttemptAt(options.schedule, delivery.attempt, delivery.queuedAt)
  let status: 'succeeded' | 'pending' | 'failed' = 'succeeded'
  if (!result.ok) status = retryAt ? 'pending' : 'failed'

  const stored = await completeDelivery(db, delivery, {
    status,
    nextAttemptAt: retryAt,
    statusCode: result.statusCode,
    error: result.error,
    latencyMs: result.latencyMs,
  })

  const ids = { deliveryId: delivery.id, eventId: delivery.eventId, endpointId: delivery.endpointId, attempt: delivery.attempt }
  if (!stored) logger.warn(ids, 'webhook delivery claim expired before the attempt finished; its result was dropped')
  else if (status === 'failed') logger.warn({ ...ids, statusCode: result.statusCode, error: result.error }, 'webhook delivery failed for good')
  else if (status === 'pending') logger.info({ ...ids, statusCode: result.statusCode, error: result.error, retryAt }, 'webhook delivery failed; will retry')
  else logger.debug({ ...ids, statusCode: result.statusCode, latencyMs: result.latencyMs }, 'webhook delivered')
}

/**
 * Claims one batch of due deliveries and sends them concurrently. Returns how many it claimed,
 * so a caller can run it again while batches come back full.
 */
export async function deliverDueBatch(db: Queryable, options: DeliveryOptions): Promise<number> {
  const claimed = await claimDueDeliveries(db, options.batchSize, options.leaseMs)
  await Promise.all(claimed.map((delivery) => attempt(db, delivery, options)))
  return claimed.length
}

/** Sends due deliveries batch after batch until none is due or `deadline` (epoch milliseconds) has passed. Returns how many it sent. */
export async function deliverDue(db: Queryable, options: DeliveryOptions, deadline = Infinity): Promise<number> {
  let total = 0
  while (Date.now() < deadline) {
    const claimed = await deliverDueBatch(db, options)
    total += claimed
    if (claimed < options.batchSize) break
  }
  return total
}
