import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'

import { adminRequest, baseUrl, request } from './helpers'

interface EventJson {
  id: string
  name: string
  codeId: string
  venueUrl: string
  selfCheckIn: 'off' | 'list' | 'open'
  showNamesOnProjector: boolean
  checkedIn: number
  expected: number
}

interface AttendeeJson {
  id: string
  name: string
  email: string | null
  personalUrl: string
  checkedInAt: string | null
  checkedInBy: string | null
}

interface CheckInJson {
  outcome: 'accepted' | 'duplicate' | 'cancelled' | 'unknown'
  attendeeId: string | null
  firstName: string | null
  checkedInAt: string | null
  checkedInBy: string | null
}

function postJson(path: string, body: unknown, method = 'POST') {
  return adminRequest(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
}

async function createEvent(name = 'Launch night'): Promise<EventJson> {
  const response = await postJson('/api/events', { name })
  if (response.status !== 201) throw new Error(`create event failed with ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { event: EventJson }).event
}

async function addAttendee(eventId: string, body: Record<string, unknown>): Promise<AttendeeJson> {
  const response = await postJson(`/api/events/${eventId}/attendees`, body)
  if (response.status !== 201) throw new Error(`add attendee failed with ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { attendee: AttendeeJson }).attendee
}

async function getEvent(eventId: string): Promise<EventJson> {
  const response = await adminRequest(`/api/events/${eventId}`)
  return ((await response.json()) as { event: EventJson }).event
}

async function checkIn(eventId: string, body: Record<string, unknown>): Promise<{ status: number; checkIn?: CheckInJson; error?: { code: string } }> {
  const response = await postJson(`/api/events/${eventId}/check-ins`, body)
  return { status: response.status, ...((await response.json()) as { checkIn?: CheckInJson; error?: { code: string } }) }
}

// What link previews, chat apps and mail scanners send when a personal link is pasted or mailed.
const PREVIEW_USER_AGENTS = [
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'WhatsApp/2.23.20.0',
  'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0 (Microsoft Office SafeLinks)',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
]

describe('events API', () => {
  it('creates an event with a venue code and validates the name', async () => {
    const event = await createEvent('Spring mixer')
    expect(event).toMatchObject({ name: 'Spring mixer', selfCheckIn: 'off', checkedIn: 0, expected: 0 })
    expect(event.venueUrl).toMatch(new RegExp(`^${baseUrl()}/s/[a-z0-9]{7}$`))

    const empty = await postJson('/api/events', { name: '   ' })
    expect(empty.status).toBe(400)
    expect(await empty.json()).toMatchObject({ error: { code: 'validation_failed', fields: { name: 'Enter the event name.' } } })
  })

  it('refuses signed-out requests with 401', async () => {
    const event = await createEvent()
    for (const path of [`/api/events/${event.id}`, `/api/events/${event.id}/attendees`, `/api/events/${event.id}/attendees.csv`]) {
      expect((await request(path)).status).toBe(401)
    }
    const post = await request(`/api/events/${event.id}/check-ins`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'x' }),
    })
    expect(post.status).toBe(401)
  })

  it('answers 400 for a bad attendee and 409 for an email already on the list', async () => {
    const event = await createEvent()
    const bad = await postJson(`/api/events/${event.id}/attendees`, { name: '', email: 'not-an-email' })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({
      error: { code: 'validation_failed', fields: { name: 'Enter the attendee name.', email: '"not-an-email" is not a valid email address.' } },
    })

    await addAttendee(event.id, { name: 'Ada Lovelace', email: 'ada@example.com' })
    const again = await postJson(`/api/events/${event.id}/attendees`, { name: 'Ada L.', email: 'ADA@example.com' })
    expect(again.status).toBe(409)
  })
})

describe('personal codes and check-in', () => {
  it('changes nothing on GET or HEAD of a personal code, whoever asks', async () => {
    const event = await createEvent()
    const ada = await addAttendee(event.id, { name: 'Ada Lovelace', email: 'ada@example.com' })
    const path = new URL(ada.personalUrl).pathname

    for (const userAgent of PREVIEW_USER_AGENTS) {
      const response = await request(path, { headers: { 'User-Agent': userAgent } })
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('Ada')
    }
    expect((await request(path, { method: 'HEAD' })).status).toBe(200)
    // The QR encodes the link in upper case; that path opens the same page.
    expect((await request(path.toUpperCase())).status).toBe(200)

    const after = await getEvent(event.id)
    expect(after).toMatchObject({ checkedIn: 0, expected: 1 })
    const list = await adminRequest(`/api/events/${event.id}/attendees`)
    const { attendees } = (await list.json()) as { attendees: AttendeeJson[] }
    expect(attendees[0]?.checkedInAt).toBeNull()
  })

  it('checks in on POST, then says already checked in with the first time and door', async () => {
    const event = await createEvent()
    const ada = await addAttendee(event.id, { name: 'Ada Lovelace' })

    const first = await checkIn(event.id, { code: ada.personalUrl.toUpperCase(), door: 'Door A' })
    const second = await checkIn(event.id, { code: ada.personalUrl, door: 'Door B' })

    expect(first).toMatchObject({ status: 200, checkIn: { outcome: 'accepted', firstName: 'Ada', checkedInBy: 'Door A' } })
    expect(second).toMatchObject({ status: 200, checkIn: { outcome: 'duplicate', firstName: 'Ada', checkedInBy: 'Door A' } })
    expect(second.checkIn?.checkedInAt).toBe(first.checkIn?.checkedInAt)
    expect(await getEvent(event.id)).toMatchObject({ checkedIn: 1, expected: 1 })

    const counts = await request(`/api/counts?ids=${event.codeId}`)
    expect(await counts.json()).toMatchObject({ counts: [{ id: event.codeId, checkedIn: 1, expected: 1 }] })
  })

  it('checks in ten doors at once exactly once over HTTP', async () => {
    const event = await createEvent()
    const ada = await addAttendee(event.id, { name: 'Ada Lovelace' })

    const results = await Promise.all(Array.from({ length: 10 }, (_, door) => checkIn(event.id, { code: ada.personalUrl, door: `Door ${door}` })))

    expect(results.filter((result) => result.checkIn?.outcome === 'accepted')).toHaveLength(1)
    expect(results.filter((result) => result.checkIn?.outcome === 'duplicate')).toHaveLength(9)
    expect((await getEvent(event.id)).checkedIn).toBe(1)
  })

  it('refuses a foreign QR with 422, an unknown token as unknown, and a bad body with 400', async () => {
    const event = await createEvent()

    expect(await checkIn(event.id, { code: 'https://example.com/menu', door: 'A' })).toMatchObject({ status: 422, error: { code: 'not_a_badge' } })
    expect(await checkIn(event.id, { code: `${baseUrl()}/t/${'0'.repeat(32)}`, door: 'A' })).toMatchObject({
      status: 200,
      checkIn: { outcome: 'unknown', attendeeId: null },
    })
    expect((await checkIn(event.id, { door: 'A' })).status).toBe(400)
    expect((await checkIn(event.id, { attendeeId: 'not-a-uuid' })).status).toBe(400)
  })

  it('checks in by attendee id from a search', async () => {
    const event = await createEvent()
    await addAttendee(event.id, { name: 'Grace Hopper', email: 'grace@example.com' })

    const search = await adminRequest(`/api/events/${event.id}/attendees?q=grac`)
    const { attendees } = (await search.json()) as { attendees: AttendeeJson[] }
    expect(attendees.map((attendee) => attendee.name)).toEqual(['Grace Hopper'])

    const result = await checkIn(event.id, { attendeeId: attendees[0]!.id, door: 'Help desk' })
    expect(result.checkIn).toMatchObject({ outcome: 'accepted', firstName: 'Grace' })
  })
})

describe('venue code and self check-in', () => {
  it('sends the venue code to the self check-in page, which changes nothing when opened', async () => {
    const event = await createEvent('Open day')
    const slug = new URL(event.venueUrl).pathname.split('/').at(-1)!

    const redirect = await request(`/s/${slug}`)
    expect(redirect.status).toBe(302)
    expect(redirect.headers.get('location')).toBe(`/check-in/${slug}`)

    const page = await request(`/check-in/${slug}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Self check-in is not open for this event')
    expect(await getEvent(event.id)).toMatchObject({ checkedIn: 0 })
  })

  it('shows first names to the projector only when switched on', async () => {
    const event = await createEvent()
    const ada = await addAttendee(event.id, { name: 'Ada Lovelace' })
    await checkIn(event.id, { code: ada.personalUrl, door: 'A' })

    const hidden = await adminRequest(`/api/events/${event.id}/arrivals`)
    expect(await hidden.json()).toEqual({ names: [], shown: false })
    const patched = await postJson(`/api/events/${event.id}`, { showNamesOnProjector: true }, 'PATCH')
    expect(patched.status).toBe(200)

    // The projector's share link reads the names without a session.
    const page = await adminRequest(`/events/${event.id}`)
    const shareToken = /\/p\/([0-9a-f]{32})/.exec(await page.text())?.[1]
    expect(shareToken).toBeDefined()
    const names = await request(`/api/events/${event.id}/arrivals?token=${shareToken}`)
    expect(await names.json()).toEqual({ names: ['Ada'], shown: true })
    expect((await request(`/api/events/${event.id}/arrivals?token=${'0'.repeat(32)}`)).status).toBe(401)
    expect((await request(`/p/${shareToken}`)).status).toBe(200)
  })
})

interface Preview {
  rowCount: number
  errors: { row: number; field: string; message: string }[]
  errorCount: number
  validCount: number
  headers: string[]
}

async function importCsv(eventId: string, body: Record<string, unknown>) {
  const response = await postJson(`/api/events/${eventId}/import`, body)
  const contentType = response.headers.get('content-type') ?? ''
  if (contentType.includes('ndjson')) {
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    return { status: response.status, lines }
  }
  return { status: response.status, body: (await response.json()) as { preview?: Preview; error?: { code: string; message: string } } }
}

describe('CSV import', () => {
  const problemFile =
    '\uFEFFName,Email,Ticket type\r\n' +
    '"Lovelace, Ada",ada@example.com,"VIP, all days"\r\n' +
    '"Grace\nHopper",grace@example.com,Speaker\r\n' +
    ',empty@example.com,Standard\r\n' +
    'Ada Again,ADA@example.com,Standard\r\n' +
    'Alan Turing,alan@,Standard\r\n'

  it('previews a file and reports empty names, bad emails and duplicates by row, writing nothing', async () => {
    const event = await createEvent()

    const result = await importCsv(event.id, { csv: problemFile, dryRun: true })

    expect(result.status).toBe(200)
    expect(result.body?.preview).toMatchObject({ headers: ['Name', 'Email', 'Ticket type'], rowCount: 5, validCount: 2, errorCount: 3 })
    expect(result.body?.preview?.errors.map((error) => error.row)).toEqual([4, 5, 6])
    expect((await getEvent(event.id)).expected).toBe(0)
  })

  it('imports nothing while rows have problems, and the valid rows when asked to skip them', async () => {
    const event = await createEvent()

    const refused = await importCsv(event.id, { csv: problemFile })
    expect(refused.status).toBe(422)
    expect((await getEvent(event.id)).expected).toBe(0)

    const skipped = await importCsv(event.id, { csv: problemFile, skipInvalid: true })
    expect(skipped.status).toBe(200)
    expect(skipped.lines?.at(-1)).toEqual({ type: 'done', imported: 2, skipped: 3 })
    const list = await adminRequest(`/api/events/${event.id}/attendees`)
    const { attendees } = (await list.json()) as { attendees: AttendeeJson[] }
    expect(attendees.map((attendee) => attendee.name)).toEqual(['Lovelace, Ada', 'Grace Hopper'])

    // Importing the same file again finds everyone already on the list.
    const again = await importCsv(event.id, { csv: problemFile, dryRun: true })
    expect(again.body?.preview?.validCount).toBe(0)
  })

  it('imports 5,000 rows with progress', async () => {
    const event = await createEvent()
    const rows = ['name,email,ticket type']
    for (let index = 1; index <= 5000; index++) rows.push(`Person ${index},person${index}@example.com,${index % 3 === 0 ? 'VIP' : 'Standard'}`)

    const result = await importCsv(event.id, { csv: rows.join('\n') })

    expect(result.status).toBe(200)
    const progress = result.lines?.filter((line) => line.type === 'progress') ?? []
    expect(progress.length).toBeGreaterThan(2)
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 5000, total: 5000 })
    expect(result.lines?.at(-1)).toEqual({ type: 'done', imported: 5000, skipped: 0 })
    expect(await getEvent(event.id)).toMatchObject({ expected: 5000, checkedIn: 0 })
  })

  it('answers 422 with a message for a broken file and 413 for a huge one', async () => {
    const event = await createEvent()
    const broken = await importCsv(event.id, { csv: 'name\n"Ada\n', dryRun: true })
    expect(broken).toMatchObject({ status: 422, body: { error: { code: 'invalid_csv' } } })

    const huge = await postJson(`/api/events/${event.id}/import`, { csv: 'x'.repeat(6 * 1024 * 1024), dryRun: true })
    expect(huge.status).toBe(413)
  })
})

describe('CSV export', () => {
  it('neutralises formula-starting cells; quotes and line breaks survive', async () => {
    const event = await createEvent()
    await addAttendee(event.id, { name: '=HYPERLINK("http://evil.example","x")', email: 'eq@example.com', ticketType: '+VIP' })
    await addAttendee(event.id, { name: 'Quote "Q" Person', ticketType: '－minus' })
    const csvImport = await importCsv(event.id, { csv: 'name,ticket type\n"Line\nBreak, Person",@home\n' })
    expect(csvImport.status).toBe(200)

    const response = await adminRequest(`/api/events/${event.id}/attendees.csv`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/)
    const text = await response.text()
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data

    expect(rows.map((row) => [row[0], row[2]])).toEqual([
      ['Name', 'Ticket type'],
      ['\'=HYPERLINK("http://evil.example","x")', "'+VIP"],
      ['Quote "Q" Person', "'－minus"],
      ['Line Break, Person', "'@home"],
    ])
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/)
  })
})
