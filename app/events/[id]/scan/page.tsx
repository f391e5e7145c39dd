import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Scanner } from '@/components/events/scanner'
import { requireAdminPage } from '@/lib/auth/guards'
import { hasAdminSession } from '@/lib/auth/session'
import { getEvent } from '@/lib/events/service'

export async function generateMetadata({ params }: PageProps<'/events/[id]/scan'>): Promise<Metadata> {
  if (!(await hasAdminSession())) return { title: 'Sign in' }
  const event = await getEvent((await params).id)
  return { title: event ? `Scan: ${event.name}` : 'Event not found' }
}

/** Renders the staff scanner for one event, used at the door. */
export default async function ScannerPage({ params }: PageProps<'/events/[id]/scan'>) {
  const { id } = await params
  await requireAdminPage(`/events/${id}/scan`)
  const event = await getEvent(id)
  if (!event) notFound()

  return <Scanner eventId={event.id} eventName={event.name} codeId={event.codeId} checkedIn={event.checkedIn} expected={event.expected} />
}
