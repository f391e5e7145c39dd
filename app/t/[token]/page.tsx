import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { PersonalCheckIn } from '@/components/events/personal-check-in'
import { hasAdminSession } from '@/lib/auth/session'
import { renderQrSvg } from '@/lib/codes/qr'
import { getAttendeeByToken, getEvent, personalCodeUrl } from '@/lib/events/service'
import { firstName } from '@/lib/events/types'
import { resolveSiteOrigin } from '@/lib/http/site-origin'
import { headers } from 'next/headers'

export const metadata: Metadata = { title: 'Your badge', robots: { index: false } }

/**
 * A personal code's page. Opening it changes nothing (link previews and mail scanners open
 * links before people do); checking in takes the button, which posts.
 */
export default async function PersonalCodePage({ params }: PageProps<'/t/[token]'>) {
  const attendee = await getAttendeeByToken((await params).token)
  const event = attendee ? await getEvent(attendee.eventId) : null
  if (!attendee || !event) notFound()

  const staff = await hasAdminSession()
  const url = personalCodeUrl(resolveSiteOrigin(await headers()), attendee.token)
  const qrSvg = await renderQrSvg(url)

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-6 px-5 py-10 text-center">
      <div>
        <p className="text-sm font-medium tracking-wide text-slate-500 uppercase">{event.name}</p>
        <h1 className="mt-1 text-3xl font-bold break-words" data-testid="attendee-first-name">
          {firstName(attendee.name)}
        </h1>
      </div>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URI needs no image optimisation */}
      <img
        src={`data:image/svg+xml;base64,${Buffer.from(qrSvg).toString('base64')}`}
        alt="Your personal check-in code"
        className="qr-image w-64 max-w-full rounded-xl border border-slate-200 bg-white"
      />
      <PersonalCheckIn
        token={attendee.token}
        checkedInAt={attendee.checkedInAt?.toISOString() ?? null}
        checkedInBy={attendee.checkedInBy}
        cancelled={attendee.cancelledAt !== null}
        canCheckIn={staff || event.selfCheckIn !== 'off'}
      />
    </main>
  )
}
