import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { AttendanceProjectorForEvent } from '@/components/events/attendance-projector-for-event'
import { requireAdminPage } from '@/lib/auth/guards'
import { getEvent } from '@/lib/events/service'

export const metadata: Metadata = { title: 'Projector' }

export default async function EventProjectorPage({ params }: PageProps<'/events/[id]/live'>) {
  const { id } = await params
  await requireAdminPage(`/events/${id}/live`)
  const event = await getEvent(id)
  if (!event) notFound()
  return <AttendanceProjectorForEvent event={event} viaShareLink={false} />
}
