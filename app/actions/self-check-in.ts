'use server'

import { headers } from 'next/headers'

import { consumeSelfCheckIn } from '@/lib/events/self-check-in-limiter'
import { checkLine } from '@/lib/events/schema'
import { getEventBySlug, selfCheckIn, type CheckInView } from '@/lib/events/service'
import { clientKey } from '@/lib/http/client-key'
import { logger } from '@/lib/logger'

export interface SelfCheckInState {
  result?: CheckInView
  error?: string
  entry?: string
  submission: number
}

const ANSWERS = {
  not_found: 'We could not find that name or email on the list. Try your email address, or ask the staff at the entrance.',
  ambiguous: 'More than one person on the list has that name. Enter your email address instead.',
  closed: 'Self check-in is not open for this event. Ask the staff at the entrance.',
} as const

/** Checks the person in by name or email, from the page the venue code opens. */
export async function selfCheckInAction(previous: SelfCheckInState, formData: FormData): Promise<SelfCheckInState> {
  const submission = previous.submission + 1
  const slug = formData.get('slug')
  const rawEntry = formData.get('entry')
  const entry = typeof rawEntry === 'string' ? rawEntry : ''
  const event = typeof slug === 'string' ? await getEventBySlug(slug) : null
  if (!event) return { error: 'This check-in link is no longer valid.', entry, submission }

  const checked = checkLine('Name', entry, 200)
  if (!checked.ok) return { error: checked.message, entry, submission }
  if (checked.value === null) {
    return { error: event.selfCheckIn === 'open' ? 'Enter your name.' : 'Enter your full name or email address.', entry, submission }
  }

  const wait = await consumeSelfCheckIn(event.id, clientKey(await headers()))
  if (wait > 0) {
    logger.warn({ eventId: event.id, wait }, 'self check-in rate limit reached')
    return { error: `Too many tries. Wait ${wait} seconds and try again, or ask the staff at the entrance.`, entry, submission }
  }

  const answer = await selfCheckIn(event, checked.value)
  if (answer.status === 'checked_in') return { result: answer.result, submission }
  return { error: ANSWERS[answer.status], entry, submission }
}
