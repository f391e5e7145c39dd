import { toFieldErrors } from '@/lib/codes/schema'
import { authorizeEventRequest } from '@/lib/events/api'
import { MAX_IMPORT_BYTES } from '@/lib/events/attendee-import'
import { analyseImport, importRequestSchema, streamImport, toPreviewJson } from '@/lib/events/import-request'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

/**
 * Imports attendees from a CSV file: `{ csv, mapping?, dryRun?, skipInvalid? }`. A dry run
 * returns the preview and every row problem; an import with problems left is refused with 422
 * unless `skipInvalid` is set; an import streams its progress (see streamImport).
 */
export const POST = withApiErrors('POST /api/events/[id]/import', async (request, context: RouteContext<'/api/events/[id]/import'>) => {
  const loaded = await authorizeEventRequest(request, (await context.params).id)
  if (!loaded.ok) return loaded.response

  // The CSV travels inside JSON, which escapes some characters, so the body may be a little larger than the file.
  const read = await readJsonBody(request, MAX_IMPORT_BYTES * 2)
  if (!read.ok) return read.response
  const parsed = importRequestSchema.safeParse(read.body)
  if (!parsed.success) return apiError(400, 'validation_failed', 'Send { "csv": "<file text>" }.', toFieldErrors(parsed.error))
  if (Buffer.byteLength(parsed.data.csv) > MAX_IMPORT_BYTES) {
    return apiError(413, 'payload_too_large', 'The file is larger than 5 MiB. Split it and import the parts one after another.')
  }

  const outcome = await analyseImport(loaded.event.id, parsed.data)
  if (!outcome.ok) return apiError(422, 'invalid_csv', outcome.message)
  const { analysis } = outcome

  if (parsed.data.dryRun) return Response.json({ preview: toPreviewJson(analysis) }, { headers: { 'Cache-Control': 'no-store' } })

  if (analysis.errorCount > 0 && !parsed.data.skipInvalid) {
    return Response.json(
      {
        error: { code: 'validation_failed', message: `${analysis.errorCount} rows have problems; nothing was imported.` },
        preview: toPreviewJson(analysis),
      },
      { status: 422 },
    )
  }
  if (analysis.valid.length === 0) return apiError(422, 'invalid_csv', 'The file has no rows to import.')

  return streamImport(loaded.event.id, analysis)
})
export const GET = methodNotAllowed(['POST'])
export const PUT = methodNotAllowed(['POST'])
export const PATCH = methodNotAllowed(['POST'])
export const DELETE = methodNotAllowed(['POST'])
