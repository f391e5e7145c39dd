// Times the badge ZIP and the badge print page for one event of 5,000 attendees (BENCH_ATTENDEES
// overrides). Starts the production build on a free loopback port with a fresh embedded
// database, adds the attendees over the JSON API, cancels 10, then downloads each twice.
// Needs a build first: `npm run build:test && npx tsx --conditions=react-server bench/badges.ts`.
import { TEST_ADMIN_PASSWORD } from '../tests/support/credentials'
import { startTestServer } from '../tests/support/test-server'

const ATTENDEES = Number(process.env.BENCH_ATTENDEES ?? 5000)
const CONCURRENT_INSERTS = 8
const CANCELLED = 10
const BADGES_PER_PART = 400

async function main() {
  const server = await startTestServer({ SCAN_CAPTURE_IP: 'false' })
  try {
    const base = server.baseUrl
    const signIn = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ password: TEST_ADMIN_PASSWORD }),
    })
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!
    const send = (path: string, method: string, body: unknown) =>
      fetch(`${base}${path}`, { method, headers: { cookie, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

    const eventResponse = await send('/api/events', 'POST', { name: 'Bench Conference' })
    const eventId = ((await eventResponse.json()) as { event: { id: string } }).event.id

    const seedStart = performance.now()
    const attendeeIds: string[] = []
    for (let start = 0; start < ATTENDEES; start += CONCURRENT_INSERTS) {
      const batch = []
      for (let index = start; index < Math.min(start + CONCURRENT_INSERTS, ATTENDEES); index++) {
        const body = { name: `Person ${index % 4000} Example`, ticketType: index % 3 === 0 ? 'Speaker' : 'General' }
        batch.push(
          send(`/api/events/${eventId}/attendees`, 'POST', body).then(async (response) => {
            if (response.status !== 201) throw new Error(`adding attendee ${index} failed with ${response.status}: ${await response.text()}`)
            return ((await response.json()) as { attendee: { id: string } }).attendee.id
          }),
        )
      }
      attendeeIds.push(...(await Promise.all(batch)))
    }
    console.log(`Added ${ATTENDEES} attendees in ${((performance.now() - seedStart) / 1000).toFixed(1)} s.`)
    for (const id of attendeeIds.slice(0, CANCELLED)) await send(`/api/events/${eventId}/attendees/${id}`, 'PATCH', { cancelled: true })

    for (let run = 1; run <= 2; run++) {
      const started = performance.now()
      const response = await fetch(`${base}/api/events/${eventId}/badges.zip`, { headers: { cookie } })
      const firstByte = performance.now() - started
      const bytes = (await response.arrayBuffer()).byteLength
      const total = performance.now() - started
      console.log(`ZIP run ${run}: ${response.status}, ${(bytes / 1e6).toFixed(1)} MB, first byte ${firstByte.toFixed(0)} ms, total ${total.toFixed(0)} ms`)
    }

    const lastPart = Math.ceil((ATTENDEES - CANCELLED) / BADGES_PER_PART)
    for (const part of [1, 1, lastPart]) {
      const started = performance.now()
      const response = await fetch(`${base}/events/${eventId}/badges?paper=a4&part=${part}`, { headers: { cookie } })
      const html = await response.text()
      const badges = html.match(/data-testid="badge"/g)?.length ?? 0
      const elapsed = performance.now() - started
      console.log(`Print page part ${part}: ${response.status}, ${badges} badges, ${(html.length / 1e6).toFixed(1)} MB of HTML, ${elapsed.toFixed(0)} ms`)
    }
  } finally {
    await server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
