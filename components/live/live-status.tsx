import type { LiveStatus } from '@/components/live/use-live-counts'

const LABELS: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
}

const DOT_COLOURS: Record<LiveStatus, string> = {
  connecting: 'bg-slate-400',
  live: 'bg-emerald-500',
  reconnecting: 'bg-amber-500',
}

/** Renders a small badge with the state of the live connection, in words and colour. */
export function LiveStatusBadge({ status, className = '' }: { status: LiveStatus; className?: string }) {
  return (
    <span role="status" className={`inline-flex items-center gap-1.5 text-xs font-medium ${className}`}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${DOT_COLOURS[status]}`} />
      {LABELS[status]}
    </span>
  )
}
