import { describe, expect, it } from 'vitest'

import type { BatchScanInput, RecordedScan } from '@/lib/db/scans'
import { ScanBatcher } from '@/lib/scans/scan-batcher'

const scan = (slug: string): BatchScanInput => ({ slug, userAgent: null, referrer: null, ip: null })

function result(slug: string, scanCount: number): RecordedScan {
  return { codeId: slug, kind: 'url', destination: `https://example.com/${slug}`, message: null, scanCount, status: 'counted', fallbackUrl: null }
}

/** Returns a fake database call that records each batch it gets and resolves after `delayMs`. */
function fakeRecorder(delayMs = 5) {
  const batches: string[][] = []
  let count = 0
  const recordBatch = async (scans: readonly BatchScanInput[]) => {
    batches.push(scans.map((item) => item.slug))
    await new Promise((resolve) => setTimeout(resolve, delayMs))
    if (scans.some((item) => item.slug === 'poison')) throw new Error('invalid input')
    return scans.map((item) => (item.slug === 'unknown' ? null : result(item.slug, ++count)))
  }
  return { batches, recordBatch }
}

describe('ScanBatcher', () => {
  it('sends a lone scan at once', async () => {
    const recorder = fakeRecorder()
    const batcher = new ScanBatcher(recorder.recordBatch, { maxInFlight: 1, maxBatchSize: 100 })

    expect(await batcher.record(scan('a'))).toEqual(result('a', 1))
    expect(recorder.batches).toEqual([['a']])
  })

  it('groups scans that arrive while a batch is in flight', async () => {
    const recorder = fakeRecorder()
    const batcher = new ScanBatcher(recorder.recordBatch, { maxInFlight: 1, maxBatchSize: 100 })

    const results = await Promise.all(['a', 'b', 'c', 'd'].map((slug) => batcher.record(scan(slug))))

    expect(recorder.batches).toEqual([['a'], ['b', 'c', 'd']])
    expect(results.map((item) => item?.codeId)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('caps the batch size', async () => {
    const recorder = fakeRecorder()
    const batcher = new ScanBatcher(recorder.recordBatch, { maxInFlight: 1, maxBatchSize: 2 })

    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((slug) => batcher.record(scan(slug))))

    expect(recorder.batches).toEqual([['a'], ['b', 'c'], ['d', 'e']])
  })

  it('returns null for an unknown slug', async () => {
    const recorder = fakeRecorder()
    const batcher = new ScanBatcher(recorder.recordBatch, { maxInFlight: 1, maxBatchSize: 100 })

    const [known, unknown] = await Promise.all([batcher.record(scan('a')), batcher.record(scan('unknown'))])

    expect(known?.codeId).toBe('a')
    expect(unknown).toBeNull()
  })

  it('fails only the bad scan of a failed batch', async () => {
    const recorder = fakeRecorder()
    const failures: number[] = []
    const batcher = new ScanBatcher(recorder.recordBatch, {
      maxInFlight: 1,
      maxBatchSize: 100,
      onBatchError: (_error, size) => failures.push(size),
    })

    const first = batcher.record(scan('a'))
    const others = ['b', 'poison', 'c'].map((slug) => batcher.record(scan(slug)))
    const settled = await Promise.allSettled([first, ...others])

    expect(settled.map((item) => item.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
    expect(failures).toEqual([3])
  })
})
