import { z } from 'zod'

import { toFieldErrors } from '@/lib/codes/schema'
import { authorizeEventRequest } from '@/lib/events/api'
import { setTicketCancelled } from '@/lib/events/service'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

const ticketChangeSchema = z.object({ cancelled: z.boolean({ error: 'cancelled must be true or false.' }) })

/**
 * Cancels a ticket (`{"cancelled": true}`) or restores it (`false`). Returns 204, or 404 when no
 * attendee of the event has that id with a ticket in the other state.
 */
export const PATCH = withApiErrors(
  'PATCH /api/events/[id]/attendees/[attendeeId]',
  async (request, context: RouteContext<'/api/events/[id]/attendees/[attendeeId]'>) => {
    const { id, attendeeId } = await context.params
    const loaded = await authorizeEventRequest(request, id)
    if (!loaded.ok) return loaded.response

    const read = await readJsonBody(request)
    if (!read.ok) return read.response
    const parsed = ticketChangeSchema.safeParse(read.body)
    if (!parsed.success) {
      return apiError(400, 'validation_failed', 'The ticket was not changed: check the fields.', toFieldErrors(parsed.error))
    }

    const changed = await setTicketCancelled(loaded.event.id, attendeeId, parsed.data.cancelled)
    if (!changed) {
      const state = parsed.data.cancelled ? 'valid' : 'cancelled'
      return apiError(404, 'not_found', `No attendee with id ${attendeeId} on this event has a ${state} ticket.`)
    }
    return new Response(null, { status: 204 })
  },
)
export const GET = methodNotAllowed(['PATCH'])
export const POST = methodNotAllowed(['PATCH'])
export const PUT = methodNotAllowed(['PATCH'])
export const DELETE = methodNotAllowed(['PATCH'])
