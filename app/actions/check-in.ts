'use server'

import { revalidatePath } from 'next/cache'

import { hasAdminSession } from '@/lib/auth/session'
import { checkInAttendee, getAttendeeByToken, getEvent, type CheckInView } from '@/lib/events/service'

export interface PersonalCheckInState {
  result?: CheckInView
  error?: string
}

/**
 * The "Check in" button on a personal code's page. Signed-in staff may always press it; an
 * attendee only when the event has self check-in switched on.
 */
export async function checkInWithPersonalCodeAction(_previous: PersonalCheckInState, formData: FormData): Promise<PersonalCheckInState> {
  const token = formData.get('token')
  const attendee = typeof token === 'string' ? await getAttendeeByToken(token) : null
  const event = attendee ? await getEvent(attendee.eventId) : null
  if (!attendee || !event) return { error: 'This code is not a valid badge.' }

  const staff = await hasAdminSession()
  if (!staff && event.selfCheckIn === 'off') {
    return { error: 'Check-in happens at the entrance: show this code to the staff there.' }
  }

  const result = await checkInAttendee(event.id, { token: attendee.token }, staff ? 'staff phone' : 'own phone', 'badge')
  revalidatePath(`/events/${event.id}`)
  return { result }
}
