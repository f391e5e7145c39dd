import 'server-only'

import { Zip, ZipPassThrough } from 'fflate'

import { renderMonochromeQrPng } from '@/lib/codes/qr-png'
import { createBadgeFileNamer } from '@/lib/events/badge-files'
import { personalCodeUrl } from '@/lib/events/service'
import type { Attendee } from '@/lib/events/types'
import { logger } from '@/lib/logger'

/** Width and height of each badge PNG in pixels: about 50 mm at 300 dpi. */
export const BADGE_PNG_SIZE = 600

// ZIP bytes queued ahead of the client before rendering pauses: about 80 PNGs.
const QUEUED_BYTES = 64 * 1024

/**
 * Streams a ZIP with one PNG of the personal code per attendee, named after them. PNGs are
 * rendered only as the client reads, so the server keeps in memory the attendee list and at
 * most QUEUED_BYTES of output, whatever the list's length. The PNGs are stored, not deflated
 * again, because PNG data is already compressed.
 *
 * NOTE: fflate writes no ZIP64 records, so an archive of more than 65,535 files or 4 GiB would
 * be invalid. At about 800 bytes per PNG that is only reached by 65,536 attendees.
 */
export function streamBadgeZip(eventId: string, attendees: readonly Attendee[], origin: string): ReadableStream<Uint8Array> {
  const fileName = createBadgeFileNamer('.png')
  const modified = new Date()
  const startedAt = performance.now()
  let next = 0
  let output!: ReadableStreamDefaultController<Uint8Array>

  const zip = new Zip((error, chunk, final) => {
    if (error) {
      logger.error({ err: error, eventId }, 'badge ZIP failed')
      output.error(error)
      return
    }
    output.enqueue(chunk)
    if (final) {
      output.close()
      logger.info({ eventId, files: attendees.length, ms: Math.round(performance.now() - startedAt) }, 'badge ZIP sent')
    }
  })

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        output = controller
      },
      async pull() {
        // Gives other requests a turn between files: a fast client would otherwise keep this
        // loop in microtasks until the queue is full.
        await new Promise((resolve) => setImmediate(resolve))

        const attendee = attendees[next]
        if (!attendee) {
          zip.end()
          return
        }
        next += 1

        try {
          const file = new ZipPassThrough(fileName(attendee.name))
          file.mtime = modified
          zip.add(file)
          file.push(renderMonochromeQrPng(personalCodeUrl(origin, attendee.token), BADGE_PNG_SIZE), true)
        } catch (error) {
          // The response is already streaming, so the client sees a cut-off download rather than a 500.
          logger.error({ err: error, eventId, attendeeId: attendee.id }, 'badge ZIP failed')
          throw error
        }
      },
      cancel() {
        zip.terminate()
        logger.info({ eventId, sentFiles: next, files: attendees.length }, 'badge ZIP download cancelled')
      },
    },
    { highWaterMark: QUEUED_BYTES, size: (chunk) => chunk.byteLength },
  )
}
