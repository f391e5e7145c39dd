import { attendancePercent } from '@/components/events/use-attendance'

/** The share of the list checked in, as a progress bar; nothing for an event without a list. */
export function AttendanceBar({ checkedIn, expected, className, fillClassName }: { checkedIn: number; expected: number; className: string; fillClassName: string }) {
  if (expected <= 0) return null
  const percent = attendancePercent(checkedIn, expected)
  return (
    <div
      role="progressbar"
      aria-label="Share of the list checked in"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={`overflow-hidden rounded-full ${className}`}
    >
      <div className={`h-full transition-[width] ${fillClassName}`} style={{ width: `${percent}%` }} />
    </div>
  )
}
