import type { Metadata } from 'next'
import Link from 'next/link'

import { CreateEventForm } from '@/components/events/create-event-form'
import { SiteHeader } from '@/components/site-header'
import { LocalTime } from '@/components/ui/local-time'
import { requireAdminPage } from '@/lib/auth/guards'
import { getEvents } from '@/lib/events/service'

export const metadata: Metadata = { title: 'Events' }

export default async function EventsPage() {
  await requireAdminPage('/events')
  const events = await getEvents()

  return (
    <>
      <SiteHeader />
      <main className="mx-auto grid max-w-6xl gap-6 px-4 py-6 lg:grid-cols-2">
        <CreateEventForm />
        <section aria-labelledby="events-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="events-heading" className="text-lg font-semibold">
            Events
          </h2>
          {events.length === 0 ? (
            <p className="mt-3 text-sm text-slate-500">No events yet. Create one, then import the attendee list or add people by hand.</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-200">
              {events.map((event) => (
                <li key={event.id} className="flex items-center justify-between gap-4 py-3">
                  <div className="min-w-0">
                    <Link href={`/events/${event.id}`} className="font-medium break-words text-indigo-700 underline">
                      {event.name}
                    </Link>
                    <p className="text-sm text-slate-500">
                      Created <LocalTime iso={event.createdAt.toISOString()} />
                    </p>
                  </div>
                  <p className="shrink-0 text-sm tabular-nums">
                    {event.checkedIn.toLocaleString('en')}
                    {event.expected > 0 ? ` of ${event.expected.toLocaleString('en')}` : ''} checked in
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  )
}
