import type { Metadata } from 'next'
import { headers } from 'next/headers'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { rotateEventShareLinkAction, updateEventSettingsAction } from '@/app/actions/events'
import { AddAttendeeForm } from '@/components/events/add-attendee-form'
import { AttendancePanel } from '@/components/events/attendance-panel'
import { AttendeeTable } from '@/components/events/attendee-table'
import { LocalAddressNote } from '@/components/events/local-address-note'
import { SelfCheckInSelect } from '@/components/events/self-check-in-select'
import { SiteHeader } from '@/components/site-header'
import { CopyButton } from '@/components/ui/copy-button'
import { secondaryButtonClass } from '@/components/ui/form'
import { requireAdminPage } from '@/lib/auth/guards'
import { hasAdminSession } from '@/lib/auth/session'
import { isLocalOnlyUrl } from '@/lib/codes/qr'
import { getAttendeesPage, getEvent } from '@/lib/events/service'
import { parsePositiveInt } from '@/lib/http/query'
import { resolveSiteOrigin } from '@/lib/http/site-origin'

const PAGE_SIZE = 50

export async function generateMetadata({ params }: PageProps<'/events/[id]'>): Promise<Metadata> {
  if (!(await hasAdminSession())) return { title: 'Sign in' }
  const event = await getEvent((await params).id)
  return { title: event?.name ?? 'Event not found' }
}

export default async function EventPage({ params, searchParams }: PageProps<'/events/[id]'>) {
  const { id } = await params
  await requireAdminPage(`/events/${id}`)
  const event = await getEvent(id)
  if (!event) notFound()

  const query = await searchParams
  const search = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : ''
  const page = parsePositiveInt(typeof query.page === 'string' ? query.page : null, 1) ?? 1
  const { attendees, total } = await getAttendeesPage(event.id, { search: search || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
  const shareUrl = `${resolveSiteOrigin(await headers())}/p/${event.shareToken}`
  const qrDataUri = `data:image/svg+xml;base64,${Buffer.from(event.qrSvg).toString('base64')}`

  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-6xl space-y-6 px-4 py-6">
        <div>
          <Link href="/events" className="text-sm text-indigo-700 underline">
            ← All events
          </Link>
          <h1 className="mt-2 text-2xl font-semibold break-words">{event.name}</h1>
          <nav aria-label="Event tools" className="mt-3 flex flex-wrap gap-2">
            <Link href={`/events/${event.id}/scan`} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
              Open the door scanner
            </Link>
            <Link href={`/events/${event.id}/live`} className={secondaryButtonClass}>
              Projector
            </Link>
            <Link href={`/events/${event.id}/import`} className={secondaryButtonClass}>
              Import CSV
            </Link>
            <Link href={`/events/${event.id}/badges`} className={secondaryButtonClass}>
              Print badges
            </Link>
            <a href={`/api/events/${event.id}/badges.zip`} className={secondaryButtonClass}>
              Download badges (ZIP of PNGs)
            </a>
            <a href={`/api/events/${event.id}/attendees.csv`} className={secondaryButtonClass}>
              Export CSV
            </a>
          </nav>
        </div>

        <LocalAddressNote host={isLocalOnlyUrl(event.shortUrl) ? new URL(event.shortUrl).host : null} what="The venue code, badges and personal links" />

        <div className="grid gap-6 lg:grid-cols-2">
          <AttendancePanel eventId={event.id} codeId={event.codeId} checkedIn={event.checkedIn} expected={event.expected} />

          <section aria-labelledby="venue-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="venue-heading" className="text-lg font-semibold">
              Venue code and projector
            </h2>
            <div className="flex flex-wrap items-start gap-4">
              {/* eslint-disable-next-line @next/next/no-img-element -- a data URI needs no image optimisation */}
              <img src={qrDataUri} alt={`Venue QR code for ${event.shortUrl}`} className="qr-image h-36 w-36" />
              <div className="min-w-0 space-y-2 text-sm">
                <p>Attendees scan this code with their own phone to check themselves in, when self check-in is on.</p>
                <p className="flex items-center gap-2">
                  <a href={event.shortUrl} className="font-mono break-all text-indigo-700 underline">
                    {event.shortUrl}
                  </a>
                  <CopyButton text={event.shortUrl} label="Copy venue link" />
                </p>
                <a href={`/api/codes/${event.codeId}/qr.png?size=1024&download`} className={`inline-block ${secondaryButtonClass}`}>
                  Download venue QR (PNG)
                </a>
              </div>
            </div>

            {/* Keyed by the saved settings: React resets a form after its action, and the remount makes the reset land on the new values. */}
            <form key={`${event.selfCheckIn}-${event.showNamesOnProjector}`} action={updateEventSettingsAction} className="space-y-3 text-sm">
              <input type="hidden" name="eventId" value={event.id} />
              <SelfCheckInSelect
                id="self-check-in"
                label="Self check-in"
                defaultValue={event.selfCheckIn}
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
              />
              <label className="flex items-center gap-2">
                <input type="checkbox" name="showNamesOnProjector" defaultChecked={event.showNamesOnProjector} className="h-4 w-4" />
                Show first names of arrivals on the projector
              </label>
              <button type="submit" className={secondaryButtonClass}>
                Save settings
              </button>
            </form>

            <div className="space-y-2 text-sm">
              <p className="font-medium text-slate-700">Public projector link</p>
              <p className="flex items-center gap-2">
                <a href={shareUrl} className="font-mono break-all text-indigo-700 underline">
                  {shareUrl}
                </a>
                <CopyButton text={shareUrl} label="Copy projector link" />
              </p>
              <form action={rotateEventShareLinkAction}>
                <input type="hidden" name="eventId" value={event.id} />
                <button type="submit" className={secondaryButtonClass}>
                  Replace link
                </button>
              </form>
            </div>
          </section>
        </div>

        <AddAttendeeForm eventId={event.id} />
        <AttendeeTable
          eventId={event.id}
          attendees={attendees}
          total={total}
          page={page}
          pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))}
          search={search}
        />
      </main>
    </>
  )
}
