import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { SelfCheckInForm } from '@/components/events/self-check-in-form'
import { normalizeSlug } from '@/lib/codes/slug'
import { getEventBySlug } from '@/lib/events/service'

export const metadata: Metadata = { title: 'Check in', robots: { index: false } }

/** The page the venue code opens: attendees check themselves in by name. Opening it changes nothing. */
export default async function SelfCheckInPage({ params }: PageProps<'/check-in/[slug]'>) {
  const slug = normalizeSlug((await params).slug)
  const event = slug ? await getEventBySlug(slug) : null
  if (!slug || !event) notFound()

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-5 py-10">
      <div className="text-center">
        <p className="text-sm font-medium tracking-wide text-slate-500 uppercase">Check in</p>
        <h1 className="mt-1 text-3xl font-bold break-words">{event.name}</h1>
      </div>
      {event.selfCheckIn === 'off' ? (
        <p role="status" className="rounded-xl bg-slate-100 p-4 text-center text-lg">
          Self check-in is not open for this event. The staff at the entrance will check you in.
        </p>
      ) : (
        <SelfCheckInForm slug={slug} mode={event.selfCheckIn} />
      )}
    </main>
  )
}
