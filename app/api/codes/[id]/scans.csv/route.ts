import { methodNotAllowed, withApiErrors } from '@/lib/http/api-errors'
import { respondWithScanExport } from '@/lib/scans/analytics-api'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

/** Downloads the code's scans as CSV, streamed page by page, safe to open in a spreadsheet. */
export const GET = withApiErrors('GET /api/codes/[id]/scans.csv', async (request, context: RouteContext<'/api/codes/[id]/scans.csv'>) =>
  respondWithScanExport(request, (await context.params).id),
)
export const POST = methodNotAllowed(['GET'])
export const PUT = methodNotAllowed(['GET'])
export const PATCH = methodNotAllowed(['GET'])
export const DELETE = methodNotAllowed(['GET'])
