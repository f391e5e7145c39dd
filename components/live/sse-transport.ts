import { retryDelay, type CountsTransport } from '@/components/live/counts-transport'
import type { ScanCount } from '@/lib/codes/types'

/** Live counts over Server-Sent Events from /api/live (embedded and plain-Postgres mode). */
export const sseTransport: CountsTransport = (ids, { onCounts, onStatus, onResync }) => {
  const idList = ids.join(',')
  let source: EventSource | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let failures = 0
  let disposed = false

  const connect = () => {
    source = new EventSource(`/api/live?ids=${idList}`)

    source.onopen = () => {
      failures = 0
      onStatus('live')
      onResync()
    }
    source.addEventListener('counts', (event) => {
      onCounts(JSON.parse((event as MessageEvent<string>).data) as ScanCount[])
    })
    source.addEventListener('resync', () => onResync())

    source.onerror = () => {
      if (disposed) return
      onStatus('reconnecting')
      // EventSource retries by itself unless the server responded with an error status, in
      // which case it closes for good and this reconnects with backoff and jitter.
      if (source?.readyState !== EventSource.CLOSED) return
      failures += 1
      retryTimer = setTimeout(connect, retryDelay(failures))
    }
  }

  connect()
  return () => {
    disposed = true
    source?.close()
    if (retryTimer) clearTimeout(retryTimer)
  }
}
