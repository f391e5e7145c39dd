import { timingSafeEqual } from 'node:crypto'

import { getServerEnv } from '@/lib/env'
import { apiError, withApiErrors } from '@/lib/http/api-errors'
import { logger } from '@/lib/logger'
import { deliverDueWebhooks } from '@/lib/webhooks/service'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

/** Time left for sending within one cron call, below Vercel's default function limit. */
const BUDGET_MS = 45_000

function hasCronSecret(request: Request): boolean {
  const secret = getServerEnv().CRON_SECRET
  if (!secret) return false
  const expected = Buffer.from(`Bearer ${secret}`)
  const received = Buffer.from(request.headers.get('authorization') ?? '')
  return expected.length === received.length && timingSafeEqual(expected, received)
}

/** Sends due webhook deliveries: Vercel Cron calls this with `Authorization: Bearer $CRON_SECRET`. */
export const GET = withApiErrors('GET /api/cron/webhooks', async (request) => {
  if (!hasCronSecret(request)) {
    return apiError(401, 'unauthorized', 'Send `Authorization: Bearer <CRON_SECRET>`; without CRON_SECRET set, this route is closed.')
  }
  const sent = await deliverDueWebhooks(BUDGET_MS)
  logger.info({ sent }, 'cron sent due webhook deliveries')
  return Response.json({ sent })
})
