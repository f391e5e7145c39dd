import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'

import type { LiveStatus } from '@/components/live/counts-transport'
import { createSupabaseTransport } from '@/components/live/supabase-transport'
import { mergeCounts } from '@/components/live/use-live-counts'
import type { ScanCount } from '@/lib/codes/types'

import { RealtimeTestDouble } from '../../tests/support/realtime-test-double'

const CODE_A = '11111111-1111-4111-8111-111111111111'
const CODE_B = '22222222-2222-4222-8222-222222222222'

/** Waits until `condition` holds, polling every 20 ms, for at most `timeoutMs`. */
async function waitFor(condition: () => boolean, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('Supabase Realtime transport, against the local Realtime test double', () => {
  let double: RealtimeTestDouble
  let client: SupabaseClient
  let statuses: LiveStatus[]
  let counts: ScanCount[]
  let resyncs: number
  let unsubscribe: () => void

  beforeEach(async () => {
    double = await RealtimeTestDouble.start()
    client = createClient(double.projectUrl, 'test-anon-key', {
      auth: { persistSession: false, autoRefreshToken: false },
      // Node 20 has no global WebSocket for supabase-js, so the ws package provides one.
      realtime: { transport: WebSocket as never },
    })
    statuses = []
    counts = []
    resyncs = 0
    unsubscribe = () => {}
  })

  afterEach(async () => {
    unsubscribe()
    await client.removeAllChannels()
    await double.close()
  })

  function subscribe() {
    const transport = createSupabaseTransport(client, { baseRetryMs: 50 })
    unsubscribe = transport([CODE_A, CODE_B], {
      onCounts: (changed) => counts.push(...changed),
      onStatus: (status) => statuses.push(status),
      onResync: () => (resyncs += 1),
    })
  }

  it('subscribes to scan_counts changes of the watched codes and resyncs', async () => {
    subscribe()
    await waitFor(() => statuses.includes('live'))

    expect(resyncs).toBe(1)
    expect(double.joins).toHaveLength(1)
    expect(double.joins[0]!.postgresChanges).toEqual([
      { event: 'UPDATE', schema: 'public', table: 'scan_counts', filter: `code_id=in.(${CODE_A},${CODE_B})` },
    ])
  })

  it('delivers a change as a count', async () => {
    subscribe()
    await waitFor(() => statuses.includes('live'))

    const sent = double.sendScanCountUpdate({
      code_id: CODE_A,
      scan_count: 7,
      last_scanned_at: '2026-12-04T10:02:03.456+00:00',
      version: 7,
    })
    expect(sent).toBe(1)
    await waitFor(() => counts.length === 1)

    expect(counts[0]).toEqual({ id: CODE_A, scanCount: 7, lastScannedAt: '2026-12-04T10:02:03.456Z', checkedIn: 0, expected: 0, version: 7 })
  })

  it('resyncs and comes back live after the socket drops', async () => {
    subscribe()
    await waitFor(() => statuses.includes('live'))

    double.dropConnections()
    await waitFor(() => statuses.includes('reconnecting'))
    const resyncsWhenDown = resyncs
    expect(resyncsWhenDown).toBeGreaterThanOrEqual(2)

    await waitFor(() => statuses.at(-1) === 'live' && double.joins.length > 0, 15_000)
    expect(resyncs).toBeGreaterThan(resyncsWhenDown)

    double.sendScanCountUpdate({ code_id: CODE_B, scan_count: 3, last_scanned_at: '2026-12-04T10:05:00+00:00', version: 3 })
    await waitFor(() => counts.some((count) => count.id === CODE_B))
  }, 30_000)

  it('resyncs and retries after CHANNEL_ERROR', async () => {
    double.failNextJoin = 'Unable to subscribe to changes with given parameters'
    subscribe()

    await waitFor(() => statuses.includes('reconnecting'))
    expect(resyncs).toBe(1)
    await waitFor(() => statuses.at(-1) === 'live')
    expect(resyncs).toBe(2)
    expect(double.joins).toHaveLength(1)
  })

  it('resyncs and retries after TIMED_OUT', async () => {
    client = createClient(double.projectUrl, 'test-anon-key', {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never, timeout: 300 },
    })
    double.ignoreNextJoin = true
    subscribe()

    await waitFor(() => statuses.includes('reconnecting'))
    await waitFor(() => statuses.at(-1) === 'live')
    expect(resyncs).toBeGreaterThanOrEqual(2)
    expect(double.joins.length).toBeGreaterThanOrEqual(1)
  })

  it('leaves the channel on unsubscribe and reports nothing after', async () => {
    subscribe()
    await waitFor(() => statuses.includes('live'))

    unsubscribe()
    await waitFor(() => double.joins.length === 0)
    const statusCount = statuses.length
    double.sendScanCountUpdate({ code_id: CODE_A, scan_count: 9, last_scanned_at: '2026-12-04T10:06:00+00:00', version: 9 })
    await new Promise((resolve) => setTimeout(resolve, 200))

    expect(counts).toHaveLength(0)
    expect(statuses).toHaveLength(statusCount)
  })
})

describe('mergeCounts', () => {
  const count = (scanCount: number, version: number): ScanCount => ({ id: CODE_A, scanCount, lastScannedAt: null, checkedIn: 0, expected: 0, version })

  it('keeps the higher version', () => {
    const merged = mergeCounts({ [CODE_A]: count(5, 5) }, [count(4, 4)])
    expect(merged[CODE_A]?.scanCount).toBe(5)
  })

  it('counts a change delivered twice once', () => {
    const once = mergeCounts({}, [count(6, 6)])
    const twice = mergeCounts(once, [count(6, 6)])
    expect(twice).toBe(once)
    expect(twice[CODE_A]?.scanCount).toBe(6)
  })

  it('lets a fetched value replace a server-rendered one', () => {
    const merged = mergeCounts({ [CODE_A]: count(3, -1) }, [count(3, 3)])
    expect(merged[CODE_A]?.version).toBe(3)
  })
})
