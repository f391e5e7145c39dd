import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js'

import { retryDelay, type CountsTransport } from '@/components/live/counts-transport'
import type { ScanCount } from '@/lib/codes/types'

/** A scan_counts row as Supabase Realtime sends it in `postgres_changes`. */
interface ScanCountsRecord {
  code_id?: string
  scan_count?: number | string
  last_scanned_at?: string | null
  checked_in?: number | string
  expected?: number | string
  version?: number | string
}

function toScanCount(record: ScanCountsRecord): ScanCount | null {
  if (!record.code_id || record.scan_count === undefined || record.version === undefined) return null
  return {
    id: record.code_id,
    scanCount: Number(record.scan_count),
    lastScannedAt: record.last_scanned_at ? new Date(record.last_scanned_at).toISOString() : null,
    checkedIn: Number(record.checked_in ?? 0),
    expected: Number(record.expected ?? 0),
    version: Number(record.version),
  }
}

let channelCounter = 0

/**
 * Live counts over Supabase Realtime: Postgres changes of public.scan_counts, filtered to the
 * watched codes. Realtime does not replay changes missed while a channel was down, and
 * SUBSCRIBED can arrive a moment before changes flow, so every SUBSCRIBED, error, time-out and
 * close triggers a resync. After an error, time-out or close the channel is replaced after a
 * backoff with jitter.
 */
export function createSupabaseTransport(client: SupabaseClient, options: { baseRetryMs?: number } = {}): CountsTransport {
  return (ids, { onCounts, onStatus, onResync }) => {
    let channel: RealtimeChannel | undefined
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    let failures = 0
    let disposed = false

    const scheduleRetry = (failed: RealtimeChannel) => {
      if (disposed || channel !== failed || retryTimer) return
      failures += 1
      retryTimer = setTimeout(() => {
        retryTimer = undefined
        // Forget the failed channel first, so the CLOSED that removing it reports is ignored.
        channel = undefined
        void client.removeChannel(failed)
        subscribe()
      }, retryDelay(failures, options.baseRetryMs))
    }

    const subscribe = () => {
      if (disposed) return
      channelCounter += 1
      const current = client
        .channel(`scan-counts-${channelCounter}`)
        .on(
          'postgres_changes',
          { event: 'UPDATE', schema: 'public', table: 'scan_counts', filter: `code_id=in.(${ids.join(',')})` },
          (payload) => {
            const count = toScanCount(payload.new as ScanCountsRecord)
            if (count) onCounts([count])
          },
        )
      channel = current

      current.subscribe((status) => {
        if (disposed || channel !== current) return
        if (status === 'SUBSCRIBED') {
          failures = 0
          onStatus('live')
          onResync()
          return
        }
        // CHANNEL_ERROR, TIMED_OUT or CLOSED: changes may be missed until a channel is back.
        onStatus('reconnecting')
        onResync()
        scheduleRetry(current)
      })
    }

    subscribe()
    return () => {
      disposed = true
      if (retryTimer) clearTimeout(retryTimer)
      if (channel) void client.removeChannel(channel)
    }
  }
}
