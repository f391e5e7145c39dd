'use client'

import { LiveStatusBadge } from '@/components/live/live-status'
import { initialCounts, useLiveCounts } from '@/components/live/use-live-counts'
import { LocalTime } from '@/components/ui/local-time'

/** Shows one code's scan count and last scan time, updated live. */
export function LiveCount({ id, scanCount, lastScannedAt }: { id: string; scanCount: number; lastScannedAt: string | null }) {
  const { counts, status } = useLiveCounts([id], initialCounts([{ id, scanCount, lastScannedAt }]))
  const count = counts[id]
  const lastScan = count?.lastScannedAt ?? lastScannedAt

  return (
    <div>
      <div className="flex items-baseline gap-3">
        <span className="text-5xl font-bold tabular-nums" data-testid="scan-count">
          {(count?.scanCount ?? scanCount).toLocaleString('en')}
        </span>
        <span className="text-slate-500">{(count?.scanCount ?? scanCount) === 1 ? 'scan' : 'scans'}</span>
        <LiveStatusBadge status={status} className="text-slate-600" />
      </div>
      <p className="mt-1 text-sm text-slate-500">
        Last scan: {lastScan ? <LocalTime iso={lastScan} withSeconds /> : 'not scanned yet'}
      </p>
    </div>
  )
}
