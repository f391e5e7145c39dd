'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'

import { AttendanceBar } from '@/components/events/attendance-bar'
import { useAttendance } from '@/components/events/use-attendance'
import { LiveStatusBadge } from '@/components/live/live-status'
import { LocalTime } from '@/components/ui/local-time'

interface LogEntry {
  id: number
  outcome: 'accepted' | 'duplicate' | 'cancelled' | 'unknown' | 'undone'
  name: string | null
  door: string | null
  at: string
}

const OUTCOME_LABELS: Record<LogEntry['outcome'], string> = {
  accepted: 'checked in',
  duplicate: 'already in',
  cancelled: 'cancelled ticket',
  unknown: 'not on the list',
  undone: 'check-in undone',
}

/** The shortest interval between two refreshes of the attendee table after changes. */
const REFRESH_INTERVAL_MS = 3000

/**
 * The dashboard's live attendance: "312 of 450 checked in", a progress bar and the latest
 * check-in attempts. Live updates carry only counts; on each change the names are fetched
 * from the signed-in API, and the attendee table is refreshed at most every 3 s.
 */
export function AttendancePanel({ eventId, codeId, checkedIn, expected }: { eventId: string; codeId: string; checkedIn: number; expected: number }) {
  const live = useAttendance(codeId, checkedIn, expected)
  const [log, setLog] = useState<LogEntry[] | null>(null)
  const router = useRouter()
  const lastRefresh = useRef(0)
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    let cancelled = false
    void (async () => {
      try {
        const response = await fetch(`/api/events/${eventId}/check-ins`, { cache: 'no-store' })
        if (!response.ok) return
        const body = (await response.json()) as { checkIns: LogEntry[] }
        if (!cancelled) setLog(body.checkIns)
      } catch {
        // Offline: the list stays as it was and catches up on the next change.
      }
    })()
    return () => {
      cancelled = true
    }
  }, [eventId, live.version])

  useEffect(() => {
    if (live.version < 0) return
    const wait = Math.max(0, lastRefresh.current + REFRESH_INTERVAL_MS - Date.now())
    clearTimeout(refreshTimer.current)
    refreshTimer.current = setTimeout(() => {
      lastRefresh.current = Date.now()
      router.refresh()
    }, wait)
    return () => clearTimeout(refreshTimer.current)
  }, [live.version, router])

  return (
    <section aria-labelledby="attendance-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-center justify-between">
        <h2 id="attendance-heading" className="text-lg font-semibold">
          Attendance
        </h2>
        <LiveStatusBadge status={live.status} className="text-slate-600" />
      </div>
      <p className="text-4xl font-bold tabular-nums" data-testid="attendance-count">
        {live.checkedIn.toLocaleString('en')}
        {live.expected > 0 && live.checkedIn <= live.expected ? <span className="text-slate-500"> of {live.expected.toLocaleString('en')}</span> : null}
        <span className="ml-2 text-lg font-medium text-slate-500">
          checked in
          {live.expected > 0 && live.checkedIn > live.expected ? ` (${live.expected.toLocaleString('en')} on the list, the rest walk-ins)` : ''}
        </span>
      </p>
      <AttendanceBar checkedIn={live.checkedIn} expected={live.expected} className="h-3 bg-slate-200" fillClassName="bg-green-600" />

      <div>
        <h3 className="text-sm font-medium text-slate-700">Recent check-ins</h3>
        {log === null ? (
          <p className="mt-2 text-sm text-slate-500">Loading…</p>
        ) : log.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">No one has checked in yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="recent-check-ins">
            {log.map((entry) => (
              <li key={entry.id} className="flex justify-between gap-3 py-1.5">
                <span className="min-w-0 break-words">
                  <span className="font-medium">{entry.name ?? 'A code'}</span>{' '}
                  <span className={entry.outcome === 'accepted' ? 'text-green-700' : 'text-slate-500'}>{OUTCOME_LABELS[entry.outcome]}</span>
                  {entry.door ? <span className="text-slate-500"> · {entry.door}</span> : null}
                </span>
                <span className="shrink-0 text-slate-500 tabular-nums">
                  <LocalTime iso={entry.at} format="time" withSeconds />
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}
