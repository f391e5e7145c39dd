import { z } from 'zod'

import { SELF_CHECK_IN_MODES } from '@/lib/events/types'

export const MAX_EVENT_NAME_LENGTH = 120
export const MAX_ATTENDEE_NAME_LENGTH = 200
export const MAX_EMAIL_LENGTH = 254
export const MAX_TICKET_TYPE_LENGTH = 100
export const MAX_DOOR_LENGTH = 60

// Any C0 control character, DEL, or C1 control character.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/

/**
 * Checks one line of text: trimmed, inner runs of spaces kept, no control characters, at most
 * `max` characters. Returns the trimmed text, null for empty, or an error message.
 */
export function checkLine(label: string, value: string, max: number): { ok: true; value: string | null } | { ok: false; message: string } {
  const text = value.trim()
  if (text === '') return { ok: true, value: null }
  if (CONTROL_CHARACTER.test(text)) return { ok: false, message: `${label} must be a single line without control characters.` }
  const length = Array.from(text).length
  if (length > max) return { ok: false, message: `${label} is too long: ${length} characters, at most ${max}.` }
  return { ok: true, value: text }
}

function line(label: string, max: number, options: { required: string } | { required: false }) {
  return z
    .string({ error: `${label} must be text.` })
    .optional()
    .nullable()
    .transform((value, ctx) => {
      const result = checkLine(label, value ?? '', max)
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.message })
        return z.NEVER
      }
      if (result.value === null && options.required) {
        ctx.addIssue({ code: 'custom', message: options.required })
        return z.NEVER
      }
      return result.value
    })
}

const emailCheck = z.email()

/** Checks an optional email address; returns it trimmed, null when empty, or an error message. */
export function checkEmail(value: string): { ok: true; value: string | null } | { ok: false; message: string } {
  const text = value.trim()
  if (text === '') return { ok: true, value: null }
  if (text.length > MAX_EMAIL_LENGTH) return { ok: false, message: `Email is too long: at most ${MAX_EMAIL_LENGTH} characters.` }
  if (!emailCheck.safeParse(text).success) return { ok: false, message: `"${text}" is not a valid email address.` }
  return { ok: true, value: text }
}

const emailSchema = z
  .string({ error: 'Email must be text.' })
  .optional()
  .nullable()
  .transform((value, ctx) => {
    const result = checkEmail(value ?? '')
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message })
      return z.NEVER
    }
    return result.value
  })

export const selfCheckInSchema = z.enum(SELF_CHECK_IN_MODES as ['off', 'list', 'open'], {
  error: 'Self check-in must be "off", "list" or "open".',
})

/** A new event, from the create form or `POST /api/events`. */
export const createEventSchema = z.object({
  name: line('Event name', MAX_EVENT_NAME_LENGTH, { required: 'Enter the event name.' }).transform((value) => value ?? ''),
  selfCheckIn: selfCheckInSchema.optional().default('off'),
})

/** A change of an event's settings; a field left out keeps its value. */
export const eventSettingsSchema = z.object({
  selfCheckIn: selfCheckInSchema.optional(),
  showNamesOnProjector: z.boolean({ error: 'showNamesOnProjector must be true or false.' }).optional(),
})

/** One attendee added by hand or through `POST /api/events/<id>/attendees`. */
export const newAttendeeSchema = z.object({
  name: line('Name', MAX_ATTENDEE_NAME_LENGTH, { required: 'Enter the attendee name.' }).transform((value) => value ?? ''),
  email: emailSchema,
  ticketType: line('Ticket type', MAX_TICKET_TYPE_LENGTH, { required: false }),
})

export type NewAttendeeInput = z.output<typeof newAttendeeSchema>

export const doorSchema = line('Door', MAX_DOOR_LENGTH, { required: false })

/** A check-in from the scanner: the decoded text of a personal code, or an attendee id from a search. */
export const checkInRequestSchema = z
  .object({
    code: z.string({ error: 'code must be text.' }).max(2048, 'code is too long.').optional(),
    attendeeId: z.uuid({ error: 'attendeeId must be a UUID.' }).optional(),
    door: doorSchema,
  })
  .refine((value) => (value.code === undefined) !== (value.attendeeId === undefined), {
    error: 'Send either code (the text of a scanned QR) or attendeeId, not both.',
    path: ['code'],
  })
