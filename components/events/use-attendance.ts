'use client'

import { initialCounts, useLiveCounts } from '@/components/live/use-live-counts'

/** The live attendance of an event, read from its venue code's counts. */
export function useAttendance(codeId: string, checkedIn: number, expected: number) {
  const { counts, status } = useLiveCounts([codeId], initialCounts([{ id: codeId, scanCount: 0, lastScannedAt: null, checkedIn, expected }]))
  const count = counts[codeId]
  return {
    checkedIn: count?.checkedIn ?? checkedIn,
    expected: count?.expected ?? expected,
    version: count?.version ?? -1,
    status,
  }
}

/** "312 of 450": the share of expected people who are in, 0 to 100, for a progress bar. */
export function attendancePercent(checkedIn: number, expected: number): number {
  if (expected <= 0) return 0
  return Math.min(100, Math.round((checkedIn / expected) * 100))
}
