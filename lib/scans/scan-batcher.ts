import type { BatchScanInput, RecordedScan } from '@/lib/db/scans'

export type RecordBatch = (scans: readonly BatchScanInput[]) => Promise<(RecordedScan | null)[]>

export interface ScanBatcherOptions {
  /** How many batches may be in the database at once: 1 for PGlite, which runs one query at a time. */
  maxInFlight: number
  maxBatchSize: number
  /** Called when a batch fails and its scans are retried one by one. */
  onBatchError?: (error: unknown, size: number) => void
}

interface Pending {
  scan: BatchScanInput
  resolve: (result: RecordedScan | null) => void
  reject: (error: unknown) => void
}

/**
 * Groups scans that arrive while earlier ones are being written into one record_scans call
 * (group commit). An idle batcher sends a scan at once, so batching adds no delay. Under
 * load, one statement carries many scans. That costs far less than a statement each,
 * because most of a short statement's cost is fixed per statement. Every caller's promise
 * settles only after its scan is committed.
 */
export class ScanBatcher {
  private readonly queue: Pending[] = []
  private inFlight = 0

  constructor(
    private readonly recordBatch: RecordBatch,
    private readonly options: ScanBatcherOptions,
  ) {}

  record(scan: BatchScanInput): Promise<RecordedScan | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ scan, resolve, reject })
      this.pump()
    })
  }

  private pump() {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatchSize)
      this.inFlight += 1
      void this.write(batch).finally(() => {
        this.inFlight -= 1
        this.pump()
      })
    }
  }

  private async write(batch: Pending[]) {
    try {
      const results = await this.recordBatch(batch.map((pending) => pending.scan))
      batch.forEach((pending, index) => pending.resolve(results[index] ?? null))
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error)
        return
      }
      // One bad scan must not fail the others: retry each alone, so only it fails.
      this.options.onBatchError?.(error, batch.length)
      await Promise.all(batch.map((pending) => this.write([pending])))
    }
  }
}
