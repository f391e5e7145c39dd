import 'server-only'

import type { ScanCount } from '@/lib/codes/types'
import { liveHub } from '@/lib/live/hub'
import { logger } from '@/lib/logger'

/** At most one event per this many milliseconds per client: 10 events per second. */
export const MIN_EVENT_INTERVAL_MS = 100
export const PING_INTERVAL_MS = 15_000
/** How long a browser waits before it reconnects a dropped stream. */
const RECONNECT_DELAY_MS = 2_000

const encoder = new TextEncoder()

/**
 * Streams count changes for `ids` as Server-Sent Events. Changes are coalesced: one `counts`
 * event per 100 ms at most, carrying the latest value of each code that changed, and a
 * trailing event so the client always ends on the newest value. A `resync` event asks the
 * client to re-read the counts because notifications may have been lost.
 */
export function createLiveCountsResponse(ids: ReadonlySet<string>, signal: AbortSignal): Response {
  let cleanup = () => {}

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const pending = new Map<string, ScanCount>()
      let lastSentAt = 0
      let flushTimer: ReturnType<typeof setTimeout> | undefined
      let closed = false

      const send = (text: string) => {
        if (closed) return
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          cleanup()
        }
      }

      const flush = () => {
        flushTimer = undefined
        if (pending.size === 0) return
        lastSentAt = Date.now()
        send(`event: counts\ndata: ${JSON.stringify([...pending.values()])}\n\n`)
        pending.clear()
      }

      const onCount = (count: ScanCount) => {
        const previous = pending.get(count.id)
        if (!previous || previous.version < count.version) pending.set(count.id, count)
        if (flushTimer) return
        const wait = Math.max(0, lastSentAt + MIN_EVENT_INTERVAL_MS - Date.now())
        flushTimer = setTimeout(flush, wait)
      }

      const onResync = () => send('event: resync\ndata: {}\n\n')

      const ping = setInterval(() => send(': ping\n\n'), PING_INTERVAL_MS)
      let unsubscribe: () => void = () => {}

      cleanup = () => {
        if (closed) return
        closed = true
        clearInterval(ping)
        if (flushTimer) clearTimeout(flushTimer)
        unsubscribe()
        try {
          controller.close()
        } catch {
          // The stream is already closed or errored because the client went away.
        }
      }
      signal.addEventListener('abort', cleanup, { once: true })

      try {
        unsubscribe = await liveHub.subscribe({ ids, onCount, onResync })
      } catch (error) {
        logger.error({ err: error, ids: [...ids] }, 'live updates unavailable: LISTEN failed')
        send('event: error\ndata: {"code":"live_unavailable"}\n\n')
        cleanup()
        return
      }
      if (closed) unsubscribe()

      send(`retry: ${RECONNECT_DELAY_MS}\n: connected\n\n`)
    },
    cancel() {
      cleanup()
    },
  })

  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform stops Next (and proxies) from compressing, which would buffer the stream.
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  })
}
