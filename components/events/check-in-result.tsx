import { LocalTime } from '@/components/ui/local-time'
import type { CheckInView } from '@/lib/events/service'

const STYLES: Record<CheckInView['outcome'], string> = {
  accepted: 'bg-green-600 text-white',
  duplicate: 'bg-amber-400 text-slate-950',
  cancelled: 'bg-red-700 text-white',
  unknown: 'bg-red-700 text-white',
}

const ICONS: Record<CheckInView['outcome'], string> = { accepted: '✓', duplicate: '!', cancelled: '✕', unknown: '?' }

/** Returns the headline of a check-in result in words, so colour is never the only signal. */
export function checkInHeadline(result: CheckInView): string {
  switch (result.outcome) {
    case 'accepted':
      return `Checked in: ${result.firstName ?? 'guest'}`
    case 'duplicate':
      return `Already checked in: ${result.firstName ?? 'guest'}`
    case 'cancelled':
      return `Ticket cancelled: ${result.firstName ?? 'guest'}`
    case 'unknown':
      return 'Unknown code: not on this event’s list'
  }
}

/** Shows a check-in result as a large coloured panel with an icon and words. */
export function CheckInResultPanel({ result, className = '' }: { result: CheckInView; className?: string }) {
  return (
    <div role="status" data-testid="check-in-result" data-outcome={result.outcome} className={`rounded-2xl p-6 ${STYLES[result.outcome]} ${className}`}>
      <div className="flex items-center gap-4">
        <span aria-hidden="true" className="text-5xl leading-none font-black">
          {ICONS[result.outcome]}
        </span>
        <p className="text-2xl font-bold break-words sm:text-3xl">{checkInHeadline(result)}</p>
      </div>
      {result.outcome === 'duplicate' && result.checkedInAt ? (
        <p className="mt-2 text-lg">
          First check-in at <LocalTime iso={result.checkedInAt} format="time" />
          {result.checkedInBy ? ` (${result.checkedInBy})` : ''}
        </p>
      ) : null}
      {result.outcome === 'cancelled' ? <p className="mt-2 text-lg">Do not admit; send them to the help desk.</p> : null}
    </div>
  )
}
