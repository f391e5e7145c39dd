import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { ImportAttendees } from '@/components/events/import-attendees'
import { SiteHeader } from '@/components/site-header'
import { requireAdminPage } from '@/lib/auth/guards'
import { getEvent } from '@/lib/events/service'

export const metadata: Metadata = { title: 'Import attendees' }

export default async function ImportPage({ params }: PageProps<'/events/[id]/import'>) {
  const { id } = await params
  await requireAdminPage(`/events/${id}/import`)
  const event = await getEvent(id)
  if (!event) notFound()

  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-6xl space-y-6 px-4 py-6">
        <div>
          <Link href={`/events/${event.id}`} className="text-sm text-indigo-700 underline">
            ← {event.name}
          </Link>
          <h1 className="mt-2 text-2xl font-semibold">Import attendees</h1>
          <p className="mt-1 text-sm text-slate-600">
            Nothing is written until you press Import, and then either every row is imported or none. People already on the list are
            reported as duplicates.
          </p>
        </div>
        <ImportAttendees eventId={event.id} />
      </main>
    </>
  )
}
