import { authorizeEventRequest } from '@/lib/events/api'
import { attachmentDisposition, badgeZipFileName } from '@/lib/events/badge-files'
import { streamBadgeZip } from '@/lib/events/badge-zip'
import { getBadgeAttendees } from '@/lib/events/badges'
import { methodNotAllowed, withApiErrors } from '@/lib/http/api-errors'
import { resolveSiteOrigin } from '@/lib/http/site-origin'

// Uses Node.js APIs (the database drivers, node:zlib), which the Edge runtime lacks.
export const runtime = 'nodejs'

/** Downloads a ZIP with a PNG of each personal code, for attendees whose ticket is not cancelled. */
export const GET = withApiErrors('GET /api/events/[id]/badges.zip', async (request, context: RouteContext<'/api/events/[id]/badges.zip'>) => {
  const loaded = await authorizeEventRequest(request, (await context.params).id)
  if (!loaded.ok) return loaded.response

  const { attendees } = await getBadgeAttendees(loaded.event.id)
  const body = streamBadgeZip(loaded.event.id, attendees, resolveSiteOrigin(request.headers))
  return new Response(body, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': attachmentDisposition(badgeZipFileName(loaded.event.name)),
      // The personal codes inside are check-in credentials.
      'Cache-Control': 'no-store',
    },
  })
})
export const POST = methodNotAllowed(['GET'])
export const PUT = methodNotAllowed(['GET'])
export const PATCH = methodNotAllowed(['GET'])
export const DELETE = methodNotAllowed(['GET'])
