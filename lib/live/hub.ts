import 'server-only'

import type { ScanCount } from '@/lib/codes/types'
import { getDatabase } from '@/lib/db'
import { logger } from '@/lib/logger'

export const SCAN_COUNTS_CHANNEL = 'scan_counts'

interface Subscriber {
  ids: ReadonlySet<string>
  onCount: (count: ScanCount) => void
  /** Called when notifications may have been missed, so the subscriber re-reads the counts. */
  onResync: () => void
}

/**
 * Keeps one LISTEN on the scan_counts channel for the whole process and hands each
 * notification to the subscribers that watch that code, found by code id.
 */
class LiveHub {
  private readonly subscribers = new Set<Subscriber>()
  private readonly subscribersByCode = new Map<string, Set<Subscriber>>()
  private listening: Promise<unknown> | undefined

  async subscribe(subscriber: Subscriber): Promise<() => void> {
    this.add(subscriber)
    try {
      await this.ensureListening()
    } catch (error) {
      this.remove(subscriber)
      throw error
    }
    logger.debug({ ids: [...subscriber.ids], subscribers: this.subscribers.size }, 'live subscriber added')
    return () => {
      if (!this.remove(subscriber)) return
      logger.debug({ ids: [...subscriber.ids], subscribers: this.subscribers.size }, 'live subscriber removed')
    }
  }

  private add(subscriber: Subscriber) {
    this.subscribers.add(subscriber)
    for (const id of subscriber.ids) {
      let watchers = this.subscribersByCode.get(id)
      if (!watchers) {
        watchers = new Set()
        this.subscribersByCode.set(id, watchers)
      }
      watchers.add(subscriber)
    }
  }

  /** Removes a subscriber and returns whether it was subscribed. */
  private remove(subscriber: Subscriber): boolean {
    if (!this.subscribers.delete(subscriber)) return false
    for (const id of subscriber.ids) {
      const watchers = this.subscribersByCode.get(id)
      watchers?.delete(subscriber)
      if (watchers?.size === 0) this.subscribersByCode.delete(id)
    }
    return true
  }

  private ensureListening() {
    this.listening ??= getDatabase()
      .then((db) =>
        db.listen(SCAN_COUNTS_CHANNEL, (payload) => this.dispatch(payload), {
          onReconnect: () => {
            for (const subscriber of this.subscribers) subscriber.onResync()
          },
        }),
      )
      .catch((error: unknown) => {
        this.listening = undefined
        throw error
      })
    return this.listening
  }

  private dispatch(payload: string) {
    let count: ScanCount
    try {
      const parsed = JSON.parse(payload) as ScanCount
      // json_build_object writes "+00:00" offsets; the API and the client use ISO "Z" strings.
      count = { ...parsed, lastScannedAt: parsed.lastScannedAt ? new Date(parsed.lastScannedAt).toISOString() : null }
    } catch (error) {
      logger.error({ err: error, channel: SCAN_COUNTS_CHANNEL }, 'invalid notification payload')
      return
    }
    for (const subscriber of this.subscribersByCode.get(count.id) ?? []) subscriber.onCount(count)
  }
}

const globalForHub = globalThis as typeof globalThis & { scanboardLiveHub?: LiveHub }

export const liveHub: LiveHub = (globalForHub.scanboardLiveHub ??= new LiveHub())
