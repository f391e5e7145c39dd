'use client'

import { useEffect, useState } from 'react'

import { AttendanceBar } from '@/components/events/attendance-bar'
import { useAttendance } from '@/components/events/use-attendance'
import { ProjectorQr, ProjectorShell } from '@/components/live/projector'

interface AttendanceProjectorProps {
  eventId: string
  codeId: string
  name: string
  checkedIn: number
  expected: number
  /** The venue code's link and QR, shown only when attendees can check themselves in. */
  venue: { shortUrl: string; qrSvgDataUri: string } | null
  /** The share token, when the page was opened through the public link. */
  shareToken: string | null
}

/**
 * The projector page of an event: "312 / 450" in large digits and a progress bar. Live updates
 * carry counts only; first names of arrivals are fetched over HTTP on each change, and the
 * server sends them only while the organiser has names switched on.
 */
export function AttendanceProjector({ eventId, codeId, name, checkedIn, expected, venue, shareToken }: AttendanceProjectorProps) {
  const live = useAttendance(codeId, checkedIn, expected)
  const [names, setNames] = useState<string[]>([])

  // Fetched on every change, whatever the page was loaded with: the organiser may switch names
  // on or off while the projector is open, and the change arrives as a count update.
  useEffect(() => {
    let cancelled = false
    const query = shareToken ? `?token=${shareToken}` : ''
    void (async () => {
      try {
        const response = await fetch(`/api/events/${eventId}/arrivals${query}`, { cache: 'no-store' })
        if (!response.ok) return
        const body = (await response.json()) as { names: string[] }
        if (!cancelled) setNames(body.names)
      } catch {
        // Offline: the names catch up on the next change.
      }
    })()
    return () => {
      cancelled = true
    }
  }, [eventId, shareToken, live.version])

  return (
    <ProjectorShell title={name} status={live.status}>
      <main className="flex flex-1 flex-col items-center justify-center gap-12 px-8 pb-10 lg:flex-row lg:gap-24">
        <div className="w-full max-w-4xl text-center">
          <div
            className="font-bold leading-none whitespace-nowrap tabular-nums"
            style={{ fontSize: venue ? 'clamp(3rem, 9vw, 16rem)' : 'clamp(4rem, 13vw, 20rem)' }}
            data-testid="projector-attendance"
            aria-live="polite"
          >
            {live.checkedIn.toLocaleString('en')}
            {live.expected > 0 && live.checkedIn <= live.expected ? <span className="text-slate-400"> / {live.expected.toLocaleString('en')}</span> : null}
          </div>
          <div className="mt-4 text-3xl text-slate-300 lg:text-5xl">
            checked in
            {live.expected > 0 && live.checkedIn > live.expected ? ` · ${live.expected.toLocaleString('en')} on the list` : ''}
          </div>
          <AttendanceBar
            checkedIn={live.checkedIn}
            expected={live.expected}
            className="mx-auto mt-8 h-6 w-full bg-white/15"
            fillClassName="bg-green-500 duration-500"
          />
          {names.length > 0 ? (
            <p className="mt-8 text-3xl text-slate-200 lg:text-4xl" data-testid="projector-names">
              Welcome, {names.join(', ')}!
            </p>
          ) : null}
        </div>
        {venue ? <ProjectorQr qrSvgDataUri={venue.qrSvgDataUri} shortUrl={venue.shortUrl} /> : null}
      </main>
    </ProjectorShell>
  )
}
