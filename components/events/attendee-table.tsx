import Link from 'next/link'

import { attendeeAction } from '@/app/actions/events'
import { LocalTime } from '@/components/ui/local-time'
import type { Attendee } from '@/lib/events/types'

interface AttendeeTableProps {
  eventId: string
  attendees: Attendee[]
  total: number
  page: number
  pageCount: number
  search: string
}

function pageHref(eventId: string, page: number, search: string) {
  const params = new URLSearchParams()
  if (search) params.set('q', search)
  if (page > 1) params.set('page', String(page))
  const query = params.toString()
  return `/events/${eventId}${query ? `?${query}` : ''}#attendees`
}

function ActionButton({ eventId, attendeeId, intent, label }: { eventId: string; attendeeId: string; intent: string; label: string }) {
  return (
    <form action={attendeeAction}>
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="attendeeId" value={attendeeId} />
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-xs whitespace-nowrap hover:bg-slate-100">
        {label}
      </button>
    </form>
  )
}

/** The attendee list with search, state and the undo, cancel and restore buttons. */
export function AttendeeTable({ eventId, attendees, total, page, pageCount, search }: AttendeeTableProps) {
  return (
    <section id="attendees" aria-labelledby="attendees-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="attendees-heading" className="text-lg font-semibold">
          Attendees <span className="font-normal text-slate-500">({total.toLocaleString('en')})</span>
        </h2>
        <form action={`/events/${eventId}#attendees`} className="flex gap-2" role="search">
          <label htmlFor="attendee-search" className="sr-only">
            Search by name or email
          </label>
          <input
            id="attendee-search"
            name="q"
            type="search"
            defaultValue={search}
            placeholder="Search by name or email"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
            Search
          </button>
        </form>
      </div>

      {attendees.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">{search ? 'No one matches that search.' : 'No attendees yet: import a CSV file or add people by hand.'}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Name</th>
                <th scope="col" className="py-2 pr-3 font-medium">Email</th>
                <th scope="col" className="py-2 pr-3 font-medium">Ticket</th>
                <th scope="col" className="py-2 pr-3 font-medium">State</th>
                <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {attendees.map((attendee) => (
                <tr key={attendee.id} data-testid="attendee-row">
                  <td className="py-2 pr-3 break-words">
                    {attendee.name}
                    {attendee.walkIn ? <span className="ml-1 text-xs text-slate-500">(walk-in)</span> : null}
                  </td>
                  <td className="py-2 pr-3 break-words text-slate-600">{attendee.email}</td>
                  <td className="py-2 pr-3 text-slate-600">{attendee.ticketType}</td>
                  <td className="py-2 pr-3">
                    {attendee.cancelledAt ? (
                      <span className="text-red-700">Cancelled</span>
                    ) : attendee.checkedInAt ? (
                      <span className="text-green-700">
                        In at <LocalTime iso={attendee.checkedInAt.toISOString()} format="time" />
                        {attendee.checkedInBy ? ` (${attendee.checkedInBy})` : ''}
                      </span>
                    ) : (
                      <span className="text-slate-500">Not yet</span>
                    )}
                  </td>
                  <td className="py-2">
                    <div className="flex justify-end gap-2">
                      {attendee.checkedInAt && !attendee.cancelledAt ? (
                        <ActionButton eventId={eventId} attendeeId={attendee.id} intent="undo" label="Undo check-in" />
                      ) : null}
                      {attendee.cancelledAt ? (
                        <ActionButton eventId={eventId} attendeeId={attendee.id} intent="restore" label="Restore ticket" />
                      ) : (
                        <ActionButton eventId={eventId} attendeeId={attendee.id} intent="cancel" label="Cancel ticket" />
                      )}
                      <Link href={`/t/${attendee.token}`} className="rounded border border-slate-300 px-2 py-1 text-xs whitespace-nowrap hover:bg-slate-100">
                        Personal code
                      </Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pageCount > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
          {page > 1 ? <Link href={pageHref(eventId, page - 1, search)} className="text-indigo-700 underline">← Previous</Link> : <span />}
          <span className="text-slate-500">Page {page} of {pageCount}</span>
          {page < pageCount ? <Link href={pageHref(eventId, page + 1, search)} className="text-indigo-700 underline">Next →</Link> : <span />}
        </nav>
      ) : null}
    </section>
  )
}
