import 'server-only'

import { authorizeApiRequest } from '@/lib/auth/guards'
import { getEvent } from '@/lib/events/service'
import type { EventRecord } from '@/lib/events/types'
import { apiError } from '@/lib/http/api-errors'

/**
 * Authorises a request to an event's API and loads the event. Returns the event, or the 401
 * or 404 response to send.
 */
export async function authorizeEventRequest(
  request: Request,
  id: string,
): Promise<{ ok: true; event: EventRecord } | { ok: false; response: Response }> {
  const denied = await authorizeApiRequest(request)
  if (denied) return { ok: false, response: denied }
  const event = await getEvent(id)
  if (!event) return { ok: false, response: apiError(404, 'not_found', `No event with id ${id}.`) }
  return { ok: true, event }
}
