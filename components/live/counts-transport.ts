import type { ScanCount } from '@/lib/codes/types'

export type LiveStatus = 'connecting' | 'live' | 'reconnecting'

export interface CountsTransportHandlers {
  /** New values of some of the watched counts. */
  onCounts: (counts: ScanCount[]) => void
  onStatus: (status: LiveStatus) => void
  /** The transport (re)connected or may have missed changes: re-read the current counts. */
  onResync: () => void
}

/** Subscribes to count changes of `ids` and returns the function that unsubscribes. */
export type CountsTransport = (ids: readonly string[], handlers: CountsTransportHandlers) => () => void

/** Returns a retry delay with exponential backoff and jitter: half to all of min(max, base × 2^failures). */
export function retryDelay(failures: number, baseMs = 1000, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** failures) * (0.5 + Math.random() / 2)
}
