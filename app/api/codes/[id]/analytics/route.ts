import { methodNotAllowed, withApiErrors } from '@/lib/http/api-errors'
import { respondWithAnalytics } from '@/lib/scans/analytics-api'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

export const GET = withApiErrors('GET /api/codes/[id]/analytics', async (request, context: RouteContext<'/api/codes/[id]/analytics'>) =>
  respondWithAnalytics(request, (await context.params).id),
)
export const POST = methodNotAllowed(['GET'])
export const PUT = methodNotAllowed(['GET'])
export const PATCH = methodNotAllowed(['GET'])
export const DELETE = methodNotAllowed(['GET'])
