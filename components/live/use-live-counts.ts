'use client'

import { useEffect, useState } from 'react'

import type { CountsTransport, LiveStatus } from '@/components/live/counts-transport'
import { usePublicConfig } from '@/components/public-config'
import { sseTransport } from '@/components/live/sse-transport'
import { getBrowserSupabase } from '@/components/live/supabase-browser-client'
import { createSupabaseTransport } from '@/components/live/supabase-transport'
import type { ScanCount } from '@/lib/codes/types'
import type { PublicConfig } from '@/lib/public-env'

export type { LiveStatus } from '@/components/live/counts-transport'

export type LiveCounts = Record<string, ScanCount>

/** Keeps the newer value of each code: the one with the higher version. */
export function mergeCounts(current: LiveCounts, incoming: readonly ScanCount[]): LiveCounts {
  let next: LiveCounts | undefined
  for (const count of incoming) {
    const known = current[count.id]
    if (known && known.version >= count.version) continue
    next ??= { ...current }
    next[count.id] = count
  }
  return next ?? current
}

/** Supabase Realtime when the public Supabase settings are present, else Server-Sent Events. */
function chooseTransport(config: PublicConfig): CountsTransport {
  const supabase = getBrowserSupabase(config)
  return supabase ? createSupabaseTransport(supabase) : sseTransport
}

/**
 * Subscribes to live counts of `ids` and returns `{ counts, status }`. The current counts are
 * fetched on every (re)subscribe, when the tab becomes visible and when the browser comes
 * back online, because neither transport replays what a client missed.
 */
export function useLiveCounts(ids: readonly string[], initial: LiveCounts): { counts: LiveCounts; status: LiveStatus } {
  const idList = ids.join(',')
  const config = usePublicConfig()
  const [counts, setCounts] = useState<LiveCounts>(initial)
  const [status, setStatus] = useState<LiveStatus>('connecting')

  useEffect(() => {
    if (idList === '') return
    let disposed = false

    const refetch = async () => {
      try {
        const response = await fetch(`/api/counts?ids=${idList}`, { cache: 'no-store' })
        if (!response.ok) return
        const body = (await response.json()) as { counts: ScanCount[] }
        if (!disposed) setCounts((current) => mergeCounts(current, body.counts))
      } catch {
        // Offline or the server is restarting; the next resubscribe fetches again.
      }
    }

    const unsubscribe = chooseTransport(config)(idList.split(','), {
      onCounts: (changed) => setCounts((current) => mergeCounts(current, changed)),
      onStatus: (next) => {
        if (!disposed) setStatus(next)
      },
      onResync: () => void refetch(),
    })

    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') void refetch()
    }
    const onOnline = () => void refetch()
    document.addEventListener('visibilitychange', onVisibilityChange)
    window.addEventListener('online', onOnline)

    return () => {
      disposed = true
      unsubscribe()
      document.removeEventListener('visibilitychange', onVisibilityChange)
      window.removeEventListener('online', onOnline)
    }
  }, [idList, config])

  return { counts, status }
}

/** Builds the hook's initial state from server-rendered codes; version -1 lets any fetched value win. */
export function initialCounts(
  codes: readonly { id: string; scanCount: number; lastScannedAt: string | null; checkedIn?: number; expected?: number }[],
): LiveCounts {
  const counts: LiveCounts = {}
  for (const code of codes) {
    counts[code.id] = {
      id: code.id,
      scanCount: code.scanCount,
      lastScannedAt: code.lastScannedAt,
      checkedIn: code.checkedIn ?? 0,
      expected: code.expected ?? 0,
      version: -1,
    }
  }
  return counts
}
