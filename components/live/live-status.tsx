import type { LiveStatus } from '@/components/live/use-live-counts'

const LABELS: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
}

/** A small badge with the state of the live connection, in words and colour. */
export function LiveStatusBadge({ status, className = '' }: { status: LiveStatus; className?: string }) {
  const dot = status === 'live' ? 'bg-emerald-500' : status === 'reconnecting' ? 'bg-amber-500' : 'bg-slate-400'
  return (
    <span role="status" className={`inline-flex items-center gap-1.5 text-xs font-medium ${className}`}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${dot}`} />
      {LABELS[status]}
    </span>
  )
}
