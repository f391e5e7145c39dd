import { apiError } from '@/lib/http/api-errors'
import { parseIdList } from '@/lib/http/query'
import { createLiveCountsResponse } from '@/lib/live/sse'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

export const dynamic = 'force-dynamic'

/** Streams count changes for `ids` as Server-Sent Events. */
export function GET(request: Request) {
  const parsed = parseIdList(new URL(request.url).searchParams.get('ids'))
  if (!parsed.ok) return apiError(400, 'invalid_parameter', parsed.message, { ids: parsed.message })

  return createLiveCountsResponse(parsed.ids, request.signal)
}
