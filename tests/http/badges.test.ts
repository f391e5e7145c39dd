import { unzipSync } from 'fflate'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { beforeAll, describe, expect, it } from 'vitest'

import { adminRequest, request } from './helpers'

interface AttendeeJson {
  id: string
  name: string
  personalUrl: string
}

async function postJson(path: string, body: unknown, method = 'POST'): Promise<Response> {
  return adminRequest(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
}

async function createEvent(name: string): Promise<string> {
  const response = await postJson('/api/events', { name })
  if (response.status !== 201) throw new Error(`event create failed with ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { event: { id: string } }).event.id
}

async function addAttendee(eventId: string, body: Record<string, string>): Promise<AttendeeJson> {
  const response = await postJson(`/api/events/${eventId}/attendees`, body)
  if (response.status !== 201) throw new Error(`attendee add failed with ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { attendee: AttendeeJson }).attendee
}

function decodeQr(png: Uint8Array): string | undefined {
  const image = PNG.sync.read(Buffer.from(png))
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data
}

describe('badges', () => {
  let eventId: string
  let ada: AttendeeJson
  let cancelled: AttendeeJson

  beforeAll(async () => {
    eventId = await createEvent('Badge Night')
    ada = await addAttendee(eventId, { name: 'Ada Lovelace', ticketType: 'Speaker' })
    await addAttendee(eventId, { name: 'Ada Lovelace', email: 'ada2@example.com' })
    await addAttendee(eventId, { name: 'AC/DC Fan' })
    cancelled = await addAttendee(eventId, { name: 'Cancelled Carla' })

    const cancel = await postJson(`/api/events/${eventId}/attendees/${cancelled.id}`, { cancelled: true }, 'PATCH')
    if (cancel.status !== 204) throw new Error(`cancel failed with ${cancel.status}: ${await cancel.text()}`)
  })

  describe('GET /api/events/[id]/badges.zip', () => {
    it('returns one PNG per valid ticket', async () => {
      const response = await adminRequest(`/api/events/${eventId}/badges.zip`)

      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/zip')
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="Badge Night-badges.zip"; filename*=UTF-8''Badge%20Night-badges.zip`,
      )
      expect(response.headers.get('cache-control')).toBe('no-store')

      const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
      expect(Object.keys(files).sort()).toEqual(['AC_DC Fan.png', 'Ada Lovelace (2).png', 'Ada Lovelace.png'])
    })

    it('encodes the personal link in each PNG', async () => {
      const response = await adminRequest(`/api/events/${eventId}/badges.zip`)
      const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
      const png = files['Ada Lovelace.png']!

      const image = PNG.sync.read(Buffer.from(png))
      expect(image.width).toBe(600)
      expect(decodeQr(png)?.toLowerCase()).toBe(ada.personalUrl.toLowerCase())
    })

    it('rejects a signed-out request with 401', async () => {
      const response = await request(`/api/events/${eventId}/badges.zip`)

      expect(response.status).toBe(401)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
    })

    it('returns 404 for an unknown event', async () => {
      const response = await adminRequest('/api/events/00000000-0000-4000-8000-000000000000/badges.zip')

      expect(response.status).toBe(404)
    })

    it('returns an empty ZIP for an event without attendees', async () => {
      const emptyEventId = await createEvent('Empty Room')
      const response = await adminRequest(`/api/events/${emptyEventId}/badges.zip`)

      expect(response.status).toBe(200)
      expect(Object.keys(unzipSync(new Uint8Array(await response.arrayBuffer())))).toEqual([])
    })
  })

  describe('PATCH /api/events/[id]/attendees/[attendeeId]', () => {
    it('rejects a signed-out request with 401', async () => {
      const response = await request(`/api/events/${eventId}/attendees/${ada.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ cancelled: true }),
      })

      expect(response.status).toBe(401)
    })

    it('rejects a body without cancelled with 400', async () => {
      const response = await postJson(`/api/events/${eventId}/attendees/${ada.id}`, { cancelled: 'yes' }, 'PATCH')

      expect(response.status).toBe(400)
      expect(((await response.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty('cancelled')
    })

    it('returns 404 when the ticket is already cancelled', async () => {
      const response = await postJson(`/api/events/${eventId}/attendees/${cancelled.id}`, { cancelled: true }, 'PATCH')

      expect(response.status).toBe(404)
    })
  })

  describe('GET /events/[id]/badges', () => {
    it('shows names, ticket type and counts', async () => {
      const response = await adminRequest(`/events/${eventId}/badges`)
      const html = await response.text()

      expect(response.status).toBe(200)
      expect(html).toContain('Ada Lovelace')
      expect(html).toContain('AC/DC Fan')
      expect(html).toContain('Speaker')
      expect(html).toContain('Badge Night')
      expect(html.match(/data-testid="badge"/g)).toHaveLength(3)
      expect(html).toContain('1 cancelled ticket is left out.')
    })

    it('leaves out cancelled attendees', async () => {
      const html = await (await adminRequest(`/events/${eventId}/badges`)).text()

      expect(html).not.toContain('Cancelled Carla')
    })

    it('prints on A4 by default', async () => {
      const html = await (await adminRequest(`/events/${eventId}/badges`)).text()

      expect(html).toContain('@page { size: A4; margin: 10mm; }')
    })

    it.each([
      ['a4', 'A4'],
      ['letter', 'letter'],
    ])('sets @page size for paper=%s', async (paper, cssSize) => {
      const html = await (await adminRequest(`/events/${eventId}/badges?paper=${paper}`)).text()

      expect(html).toContain(`@page { size: ${cssSize}; margin: 10mm; }`)
    })

    it('inlines each personal code as SVG', async () => {
      const html = await (await adminRequest(`/events/${eventId}/badges`)).text()

      expect(html.match(/<div role="img" aria-label="Check-in code for [^"]+" class="badge-qr[^"]*"><svg /g)).toHaveLength(3)
    })

    it('sends a signed-out visitor to sign in', async () => {
      const response = await request(`/events/${eventId}/badges?paper=letter`)

      expect(response.status).toBe(307)
      expect(response.headers.get('location')).toContain('/sign-in?next=')
    })

    it('splits more than 400 badges into parts', async () => {
      const bigEventId = await createEvent('Big Hall')
      for (let start = 0; start < 401; start += 8) {
        const batch = []
        for (let index = start; index < Math.min(start + 8, 401); index++) batch.push(addAttendee(bigEventId, { name: `Guest ${index + 1}` }))
        await Promise.all(batch)
      }

      const first = await (await adminRequest(`/events/${bigEventId}/badges`)).text()
      expect(first.match(/data-testid="badge"/g)).toHaveLength(400)
      expect(first).toContain('Showing badges 1 to 400 of 401.')
      expect(first).toContain(`href="/events/${bigEventId}/badges?paper=a4&amp;part=2"`)

      const second = await (await adminRequest(`/events/${bigEventId}/badges?paper=letter&part=2`)).text()
      expect(second.match(/data-testid="badge"/g)).toHaveLength(1)
      expect(second).toContain('Showing badges 401 to 401 of 401.')
      expect(second).toContain('Guest 401')
    }, 60_000)

    it('returns 404 for an unknown event', async () => {
      const response = await adminRequest('/events/00000000-0000-4000-8000-000000000000/badges')

      expect(response.status).toBe(404)
    })
  })
})
