import 'server-only'

import { after } from 'next/server'

import { getDatabase } from '@/lib/db'
import { countActiveEndpoints } from '@/lib/db/webhooks'
import { getServerEnv } from '@/lib/env'
import { logger } from '@/lib/logger'
import { deliverDue, type DeliveryOptions } from '@/lib/webhooks/delivery'
import type { RetrySchedule } from '@/lib/webhooks/retry'
import { sendWebhook } from '@/lib/webhooks/send'
import { WebhookWorker } from '@/lib/webhooks/worker'

/** Claims last well past the attempt timeout, so a live attempt never loses its claim. */
const LEASE_MARGIN_MS = 50_000
const BATCH_SIZE = 10

export function retryScheduleFromEnv(): RetrySchedule {
  const env = getServerEnv()
  return { baseDelayMs: env.WEBHOOKS_RETRY_BASE_MS, maxDelayMs: env.WEBHOOKS_RETRY_MAX_DELAY_MS, windowMs: env.WEBHOOKS_RETRY_WINDOW_MS }
}

/** Returns the address rules of this deployment: https only in production, loopback only when WEBHOOKS_ALLOW_LOOPBACK is on. */
export function addressPolicyFromEnv() {
  const env = getServerEnv()
  return { requireHttps: env.NODE_ENV === 'production', allowLoopback: env.WEBHOOKS_ALLOW_LOOPBACK }
}

function deliveryOptions(): DeliveryOptions {
  const env = getServerEnv()
  const policy = addressPolicyFromEnv()
  return {
    send: (url, body, headers) => sendWebhook(url, body, headers, { ...policy, timeoutMs: env.WEBHOOKS_TIMEOUT_MS }),
    schedule: retryScheduleFromEnv(),
    leaseMs: env.WEBHOOKS_TIMEOUT_MS + LEASE_MARGIN_MS,
    batchSize: BATCH_SIZE,
  }
}

const globalForWebhooks = globalThis as typeof globalThis & {
  scanboardWebhookWorker?: WebhookWorker
  scanboardActiveEndpoints?: { count: number; checkedAt: number }
}

/**
 * Starts the delivery worker of a long-running server (`next start`). On Vercel, where a
 * function stops after its response, delivery runs in after() and the cron route instead.
 */
export async function startWebhookWorker(): Promise<void> {
  if (process.env.VERCEL || globalForWebhooks.scanboardWebhookWorker) return
  const db = await getDatabase()
  const worker = new WebhookWorker(db, { ...deliveryOptions(), pollIntervalMs: getServerEnv().WEBHOOKS_POLL_INTERVAL_MS })
  globalForWebhooks.scanboardWebhookWorker = worker
  worker.start()
  logger.info('webhook delivery worker started')
}

const ACTIVE_ENDPOINTS_CACHE_MS = 10_000

/** Tells whether any endpoint is active, from a count cached for 10 s, so scans without webhooks cost no extra query. */
async function mayHaveDeliveries(): Promise<boolean> {
  const cached = globalForWebhooks.scanboardActiveEndpoints
  if (cached && Date.now() - cached.checkedAt < ACTIVE_ENDPOINTS_CACHE_MS) return cached.count > 0
  const count = await countActiveEndpoints(await getDatabase())
  globalForWebhooks.scanboardActiveEndpoints = { count, checkedAt: Date.now() }
  return count > 0
}

/** Forgets the cached endpoint count, after an endpoint was added, paused or resumed. */
export function forgetActiveEndpointCount(): void {
  globalForWebhooks.scanboardActiveEndpoints = undefined
}

/**
 * Starts delivering new events once the response has been sent: it wakes the worker of a
 * long-running server, or on Vercel sends what is due in after(). Call it during a request
 * whose transaction wrote an event. It never delays the response, and its errors are logged.
 */
export function deliverWebhooksSoon(): void {
  // With no active endpoint known, skip scheduling work after the response at all: most
  // deployments have no webhooks, and the scan route calls this on every counted scan.
  const cached = globalForWebhooks.scanboardActiveEndpoints
  if (cached && cached.count === 0 && Date.now() - cached.checkedAt < ACTIVE_ENDPOINTS_CACHE_MS) return
  after(async () => {
    try {
      if (!(await mayHaveDeliveries())) return
      const worker = globalForWebhooks.scanboardWebhookWorker
      if (worker) worker.wake()
      else await deliverDue(await getDatabase(), deliveryOptions(), Date.now() + 20_000)
    } catch (error) {
      logger.error({ err: error }, 'starting webhook delivery after the response failed; the worker or cron retries it')
    }
  })
}

/** Sends due deliveries until none is due or `budgetMs` has passed (the cron route). Returns how many it sent. */
export async function deliverDueWebhooks(budgetMs: number): Promise<number> {
  return deliverDue(await getDatabase(), deliveryOptions(), Date.now() + budgetMs)
}
