'use client'

import { useEffect, useState } from 'react'

import { searchAttendees, type AttendeeMatch } from '@/components/events/check-in-client'
import { LocalTime } from '@/components/ui/local-time'

// Waits for a pause in typing, so that a name typed letter by letter sends one request.
const SEARCH_DEBOUNCE_MS = 250

type SearchResult = { query: string; ok: true; attendees: AttendeeMatch[]; total: number } | { query: string; ok: false; message: string }

interface AttendeeSearchProps {
  eventId: string
  /** Checks the attendee in and resolves once the result is shown. */
  onCheckIn: (attendee: AttendeeMatch) => Promise<void>
}

/** Renders the search by name or email, the fallback for a badge the camera cannot read or a guest without one. */
export function AttendeeSearch({ eventId, onCheckIn }: AttendeeSearchProps) {
  const [input, setInput] = useState('')
  const [result, setResult] = useState<SearchResult | null>(null)
  const [pendingId, setPendingId] = useState<string | null>(null)
  // Bumped after each check-in, so the list shows the new state of the person just checked in.
  const [refreshCount, setRefreshCount] = useState(0)
  const query = input.trim()

  useEffect(() => {
    if (query === '') return
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const found = await searchAttendees(eventId, query, controller.signal)
        setResult({ query, ...found })
      } catch {
        // Aborted because the query changed; the newer search sets the result.
      }
    }, SEARCH_DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [eventId, query, refreshCount])

  const checkIn = async (attendee: AttendeeMatch) => {
    setPendingId(attendee.id)
    try {
      await onCheckIn(attendee)
    } finally {
      setPendingId(null)
      setRefreshCount((count) => count + 1)
    }
  }

  const current = result && result.query === query ? result : null

  return (
    <section aria-labelledby="attendee-search-heading" className="flex flex-col gap-3">
      <h2 id="attendee-search-heading" className="text-lg font-semibold">
        Find by name
      </h2>
      <label className="flex flex-col gap-1">
        <span className="text-sm text-slate-600">Name or email</span>
        <input
          type="search"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          autoComplete="off"
          enterKeyHint="search"
          placeholder="e.g. Ada"
          className="rounded-lg border border-slate-300 bg-white px-3 py-3 text-lg"
        />
      </label>

      {query === '' ? null : current === null ? (
        <p className="text-slate-600">Searching…</p>
      ) : !current.ok ? (
        <p role="alert" className="text-red-700">
          {current.message}
        </p>
      ) : current.attendees.length === 0 ? (
        <p className="text-slate-600">No one on the list matches “{query}”.</p>
      ) : (
        <>
          <ul className="flex flex-col divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" aria-label="Matching attendees">
            {current.attendees.map((attendee) => (
              <AttendeeRow key={attendee.id} attendee={attendee} pending={pendingId === attendee.id} disabled={pendingId !== null} onCheckIn={checkIn} />
            ))}
          </ul>
          {current.total > current.attendees.length ? (
            <p className="text-sm text-slate-600">
              Showing {current.attendees.length} of {current.total} matches. Type more of the name to narrow them down.
            </p>
          ) : null}
        </>
      )}
    </section>
  )
}

function AttendeeRow({
  attendee,
  pending,
  disabled,
  onCheckIn,
}: {
  attendee: AttendeeMatch
  pending: boolean
  disabled: boolean
  onCheckIn: (attendee: AttendeeMatch) => Promise<void>
}) {
  const details = [attendee.email, attendee.ticketType].filter(Boolean).join(' · ')

  return (
    <li className="flex items-center justify-between gap-3 p-3" data-testid="attendee-match">
      <div className="min-w-0">
        <p className="font-semibold break-words">{attendee.name}</p>
        {details ? <p className="text-sm break-words text-slate-600">{details}</p> : null}
        <p className="text-sm">
          {attendee.cancelledAt ? (
            <span className="font-medium text-red-700">Ticket cancelled</span>
          ) : attendee.checkedInAt ? (
            <span className="text-green-800">
              Checked in at <LocalTime iso={attendee.checkedInAt} format="time" />
              {attendee.checkedInBy ? ` (${attendee.checkedInBy})` : ''}
            </span>
          ) : (
            <span className="text-slate-600">Not checked in</span>
          )}
        </p>
      </div>
      {attendee.cancelledAt || attendee.checkedInAt ? null : (
        <button
          type="button"
          onClick={() => void onCheckIn(attendee)}
          disabled={disabled}
          aria-label={`Check in ${attendee.name}`}
          className="shrink-0 rounded-lg bg-slate-900 px-4 py-3 font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
        >
          {pending ? 'Checking in…' : 'Check in'}
        </button>
      )}
    </li>
  )
}
