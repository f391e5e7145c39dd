import type { Queryable } from '@/lib/db/types'
import { logger } from '@/lib/logger'
import { deliverDue, type DeliveryOptions } from '@/lib/webhooks/delivery'

/**
 * A background loop for a long-running server: it sends due deliveries every `pollIntervalMs`,
 * and at once when woken (after a scan or check-in wrote an event). Several servers may run one
 * each, because claims never overlap.
 */
export class WebhookWorker {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private wakeRequested = false
  private stopped = false

  constructor(
    private readonly db: Queryable,
    private readonly options: DeliveryOptions & { pollIntervalMs: number },
  ) {}

  start(): void {
    this.stopped = false
    this.schedule(0)
  }

  /** Runs a round now, or right after the current one. */
  wake(): void {
    if (this.stopped) return
    if (this.running) {
      this.wakeRequested = true
      return
    }
    this.schedule(0)
  }

  /** Stops polling and waits for the round in progress. Claimed deliveries it could not finish are taken again once their lease runs out. */
  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    await this.running
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.round(), delayMs)
    this.timer.unref()
  }

  private async round(): Promise<void> {
    if (this.running || this.stopped) return
    this.wakeRequested = false
    this.running = deliverDue(this.db, this.options)
      .then(() => undefined)
      .catch((error: unknown) => logger.error({ err: error }, 'webhook delivery round failed; retrying at the next poll'))
    await this.running
    this.running = undefined
    if (!this.stopped) this.schedule(this.wakeRequested ? 0 : this.options.pollIntervalMs)
  }
}
