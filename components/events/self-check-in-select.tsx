import { SELF_CHECK_IN_LABELS, type SelfCheckInMode } from '@/lib/events/types'

/** The self check-in mode, as a labelled select named `selfCheckIn`. */
export function SelfCheckInSelect({ id, label, defaultValue, className }: { id: string; label: string; defaultValue: SelfCheckInMode; className: string }) {
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} name="selfCheckIn" defaultValue={defaultValue} className={className}>
        {Object.entries(SELF_CHECK_IN_LABELS).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}
