import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { AttendanceProjectorForEvent } from '@/components/events/attendance-projector-for-event'
import { ProjectorForCode } from '@/components/live/projector-for-code'
import { getCodeByShareToken } from '@/lib/codes/service'
import { getEventByShareToken } from '@/lib/events/service'

export const metadata: Metadata = { title: 'Live', robots: { index: false } }

/**
 * Renders the projector page reached through a share link: public, because the token is
 * unguessable. An event's venue code shares its link with the event's attendance projector.
 */
export default async function SharedProjectorPage({ params }: PageProps<'/p/[token]'>) {
  const { token } = await params
  const code = await getCodeByShareToken(token)
  if (!code) notFound()
  if (code.kind === 'venue') {
    const event = await getEventByShareToken(token)
    if (!event) notFound()
    return <AttendanceProjectorForEvent event={event} viaShareLink />
  }
  return <ProjectorForCode code={code} />
}
