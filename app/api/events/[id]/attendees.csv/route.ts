import { authorizeEventRequest } from '@/lib/events/api'
import { attendeesToCsv } from '@/lib/events/csv-export'
import { getAllAttendees, personalCodeUrl } from '@/lib/events/service'
import { methodNotAllowed, withApiErrors } from '@/lib/http/api-errors'
import { resolveSiteOrigin } from '@/lib/http/site-origin'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

/** Downloads the attendees with their check-in state as CSV, safe to open in a spreadsheet. */
export const GET = withApiErrors('GET /api/events/[id]/attendees.csv', async (request, context: RouteContext<'/api/events/[id]/attendees.csv'>) => {
  const loaded = await authorizeEventRequest(request, (await context.params).id)
  if (!loaded.ok) return loaded.response

  const origin = resolveSiteOrigin(request.headers)
  const csv = attendeesToCsv(await getAllAttendees(loaded.event.id), (token) => personalCodeUrl(origin, token))
  const fileName = `${loaded.event.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'event'} attendees.csv`
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="attendees.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'no-store',
    },
  })
})
export const POST = methodNotAllowed(['GET'])
export const PUT = methodNotAllowed(['GET'])
export const PATCH = methodNotAllowed(['GET'])
export const DELETE = methodNotAllowed(['GET'])
