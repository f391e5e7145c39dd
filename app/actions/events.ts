'use server'

import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { requireAdminAction } from '@/lib/auth/guards'
import { rotateCodeShareLink } from '@/lib/codes/service'
import { toFieldErrors, type FieldErrors } from '@/lib/codes/schema'
import { createEventSchema, newAttendeeSchema, selfCheckInSchema } from '@/lib/events/schema'
import { addAttendee, changeEventSettings, createEvent, getEvent, setTicketCancelled, undoAttendeeCheckIn } from '@/lib/events/service'
import { resolveSiteOrigin } from '@/lib/http/site-origin'
import { logger } from '@/lib/logger'

export interface FormState {
  status: 'idle' | 'error' | 'done'
  message?: string
  fieldErrors?: FieldErrors
  /** The submitted values, so a rejected form comes back with nothing lost. */
  values?: Record<string, string>
  /** Grows on every submission, so the fields remount with the returned values. */
  submission: number
}

function text(formData: FormData, name: string): string {
  const value = formData.get(name)
  return typeof value === 'string' ? value : ''
}

export async function createEventAction(previous: FormState, formData: FormData): Promise<FormState> {
  await requireAdminAction()
  const values = { name: text(formData, 'name'), selfCheckIn: text(formData, 'selfCheckIn') || 'off' }
  const submission = previous.submission + 1

  const parsed = createEventSchema.safeParse(values)
  if (!parsed.success) {
    return { status: 'error', message: 'Check the highlighted field.', fieldErrors: toFieldErrors(parsed.error), values, submission }
  }
  let eventId: string
  try {
    eventId = (await createEvent(parsed.data, resolveSiteOrigin(await headers()))).id
  } catch (error) {
    logger.error({ err: error }, 'creating an event failed')
    return { status: 'error', message: 'The event could not be saved. Try again in a moment.', values, submission }
  }
  revalidatePath('/events')
  redirect(`/events/${eventId}`)
}

export async function addAttendeeAction(previous: FormState, formData: FormData): Promise<FormState> {
  await requireAdminAction()
  const eventId = text(formData, 'eventId')
  const values = { name: text(formData, 'name'), email: text(formData, 'email'), ticketType: text(formData, 'ticketType') }
  const submission = previous.submission + 1

  const event = await getEvent(eventId)
  if (!event) return { status: 'error', message: 'This event no longer exists.', values, submission }
  const parsed = newAttendeeSchema.safeParse(values)
  if (!parsed.success) {
    return { status: 'error', message: 'Check the highlighted field.', fieldErrors: toFieldErrors(parsed.error), values, submission }
  }
  const attendee = await addAttendee(event.id, parsed.data)
  if (!attendee) {
    return { status: 'error', message: 'Check the highlighted field.', fieldErrors: { email: 'This email is already on the list.' }, values, submission }
  }
  revalidatePath(`/events/${event.id}`)
  return { status: 'done', message: `${attendee.name} added.`, submission }
}

/** Undo a check-in, cancel a ticket or restore it: the buttons in the attendee table. */
export async function attendeeAction(formData: FormData): Promise<void> {
  await requireAdminAction()
  const eventId = text(formData, 'eventId')
  const attendeeId = text(formData, 'attendeeId')
  const event = await getEvent(eventId)
  if (!event) return

  switch (text(formData, 'intent')) {
    case 'undo':
      await undoAttendeeCheckIn(event.id, attendeeId)
      break
    case 'cancel':
      await setTicketCancelled(event.id, attendeeId, true)
      break
    case 'restore':
      await setTicketCancelled(event.id, attendeeId, false)
      break
  }
  revalidatePath(`/events/${event.id}`)
}

export async function updateEventSettingsAction(formData: FormData): Promise<void> {
  await requireAdminAction()
  const event = await getEvent(text(formData, 'eventId'))
  if (!event) return
  const selfCheckIn = selfCheckInSchema.safeParse(text(formData, 'selfCheckIn'))
  await changeEventSettings(event.id, {
    selfCheckIn: selfCheckIn.success ? selfCheckIn.data : event.selfCheckIn,
    showNamesOnProjector: formData.get('showNamesOnProjector') === 'on',
  })
  revalidatePath(`/events/${event.id}`)
}

/** Replaces the event's public projector link, so the old one stops working. */
export async function rotateEventShareLinkAction(formData: FormData): Promise<void> {
  await requireAdminAction()
  const event = await getEvent(text(formData, 'eventId'))
  if (!event) return
  await rotateCodeShareLink(event.codeId)
  revalidatePath(`/events/${event.id}`)
}
