'use client'

import { useEffect, useState } from 'react'

import type { ScanCount } from '@/lib/codes/types'

export type LiveStatus = 'connecting' | 'live' | 'reconnecting'

export type LiveCounts = Record<string, ScanCount>

const MAX_RETRY_DELAY_MS = 30_000

/** Keeps the newer value of each code: the one with the higher version. */
function mergeCounts(current: LiveCounts, incoming: readonly ScanCount[]): LiveCounts {
  let next: LiveCounts | undefined
  for (const count of incoming) {
    const known = current[count.id]
    if (known && known.version >= count.version) continue
    next ??= { ...current }
    next[count.id] = count
  }
  return next ?? current
}

/**
 * Subscribes to live counts of `ids` over Server-Sent Events and returns `{ counts, status }`.
 * The current counts are fetched on every (re)connect, when the tab becomes visible and when
 * the browser comes back online, because the stream does not replay what a client missed.
 */
export function useLiveCounts(ids: readonly string[], initial: LiveCounts): { counts: LiveCounts; status: LiveStatus } {
  const idList = ids.join(',')
  const [counts, setCounts] = useState<LiveCounts>(initial)
  const [status, setStatus] = useState<LiveStatus>('connecting')

  useEffect(() => {
    if (idList === '') return

    let disposed = false
    let source: EventSource | undefined
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    let failures = 0

    const refetch = async () => {
      try {
        const response = await fetch(`/api/counts?ids=${idList}`, { cache: 'no-store' })
        if (!response.ok) return
        const body = (await response.json()) as { counts: ScanCount[] }
        if (!disposed) setCounts((current) => mergeCounts(current, body.counts))
      } catch {
        // Offline or the server is restarting; the next reconnect fetches again.
      }
    }

    const connect = () => {
      source = new EventSource(`/api/live?ids=${idList}`)

      source.onopen = () => {
        failures = 0
        setStatus('live')
        void refetch()
      }

      source.addEventListener('counts', (event) => {
        const changed = JSON.parse((event as MessageEvent<string>).data) as ScanCount[]
        setCounts((current) => mergeCounts(current, changed))
      })
      source.addEventListener('resync', () => void refetch())

      source.onerror = () => {
        if (disposed) return
        setStatus('reconnecting')
        // EventSource retries by itself unless the server answered with an error status,
        // in which case it closes for good and this reconnects with backoff and jitter.
        if (source?.readyState !== EventSource.CLOSED) return
        failures += 1
        const delay = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** failures) * (0.5 + Math.random() / 2)
        retryTimer = setTimeout(connect, delay)
      }
    }

    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') void refetch()
    }
    const onOnline = () => void refetch()

    connect()
    document.addEventListener('visibilitychange', onVisibilityChange)
    window.addEventListener('online', onOnline)

    return () => {
      disposed = true
      source?.close()
      if (retryTimer) clearTimeout(retryTimer)
      document.removeEventListener('visibilitychange', onVisibilityChange)
      window.removeEventListener('online', onOnline)
    }
  }, [idList])

  return { counts, status }
}

/** Builds the hook's initial state from server-rendered codes; version -1 lets any fetched value win. */
export function initialCounts(codes: readonly { id: string; scanCount: number; lastScannedAt: string | null }[]): LiveCounts {
  const counts: LiveCounts = {}
  for (const code of codes) {
    counts[code.id] = { id: code.id, scanCount: code.scanCount, lastScannedAt: code.lastScannedAt, version: -1 }
  }
  return counts
}
