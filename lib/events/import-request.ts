import 'server-only'

import { z } from 'zod'

import { getDatabase } from '@/lib/db'
import { listAttendeeKeys } from '@/lib/db/events'
import { analyseAttendeeCsv, type ImportAnalysis } from '@/lib/events/attendee-import'
import { importAttendees, isUniqueViolation } from '@/lib/events/service'
import { logger } from '@/lib/logger'

const column = z.number().int().min(0).max(1000)

export const importRequestSchema = z.object({
  csv: z.string({ error: 'csv must be the text of the file.' }),
  mapping: z
    .object({ name: column, lastName: column.nullable(), email: column.nullable(), ticketType: column.nullable() })
    .optional(),
  /** Only check the file and return a preview; write nothing. */
  dryRun: z.boolean().optional().default(false),
  /** Import the valid rows even though some rows have problems. */
  skipInvalid: z.boolean().optional().default(false),
})

export type ImportRequest = z.output<typeof importRequestSchema>

/** What the import page shows before anything is written. */
export function toPreviewJson(analysis: ImportAnalysis) {
  return {
    headers: analysis.headers,
    preview: analysis.preview,
    rowCount: analysis.rowCount,
    mapping: analysis.mapping,
    errors: analysis.errors,
    errorCount: analysis.errorCount,
    validCount: analysis.valid.length,
  }
}

/** Checks the file against the event's current list. */
export async function analyseImport(eventId: string, request: ImportRequest) {
  const existing = await listAttendeeKeys(await getDatabase(), eventId)
  return analyseAttendeeCsv(request.csv, { mapping: request.mapping, existing })
}

const encoder = new TextEncoder()

/**
 * Imports the valid rows and streams progress as newline-delimited JSON:
 * `{"type":"progress","done":n,"total":N}` lines, then `{"type":"done","imported":N,"skipped":M}`
 * or `{"type":"error","message":...}`. The rows go in one transaction: all or nothing.
 */
export function streamImport(eventId: string, analysis: ImportAnalysis): Response {
  const total = analysis.valid.length
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: object) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`))
      send({ type: 'progress', done: 0, total })
      try {
        const imported = await importAttendees(eventId, analysis.valid, (done) => send({ type: 'progress', done, total }))
        send({ type: 'done', imported, skipped: analysis.rowCount - imported })
      } catch (error) {
        if (isUniqueViolation(error)) {
          send({ type: 'error', message: 'Someone added one of these people while the file was importing. Nothing was imported; check the file again.' })
        } else {
          logger.error({ err: error, eventId }, 'attendee import failed')
          send({ type: 'error', message: 'The import failed on the server. Nothing was imported; try again.' })
        }
      }
      controller.close()
    },
  })
  return new Response(stream, {
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store, no-transform', 'X-Accel-Buffering': 'no' },
  })
}
