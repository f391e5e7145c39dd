import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { insertCode } from '@/lib/db/codes'
import { checkIn, checkInWalkIn, findEventById, insertAttendee, insertEvent } from '@/lib/db/events'
import { migrate } from '@/lib/db/migrate'
import { recordScan, recordScans } from '@/lib/db/scans'
import type { Database } from '@/lib/db/types'
import { claimDueDeliveries, insertEndpoint, listDeliveries, requeueDelivery, type WebhookEventType } from '@/lib/db/webhooks'
import { deliverDue, type DeliveryOptions, type Sender } from '@/lib/webhooks/delivery'
import { verifySignature } from '@/lib/webhooks/signature'

import { backends } from './backends'

const SECRET = 'whsec_test-secret-0123456789abcdefghijklmnop'
const HUMAN = { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)', referrer: 'https://news.example/post?id=7', ip: null }

interface SentRequest {
  url: string
  body: string
  headers: Record<string, string>
}

/** A sender that stores each request and returns the status `respond` chooses, without any network. */
function recordingSender(respond: (request: SentRequest, index: number) => number | Promise<number> = () => 200) {
  const sent: SentRequest[] = []
  const send: Sender = async (url, body, headers) => {
    const request = { url, body, headers }
    sent.push(request)
    const statusCode = await respond(request, sent.length - 1)
    const ok = statusCode >= 200 && statusCode < 300
    return { ok, statusCode, error: ok ? null : `HTTP ${statusCode}`, latencyMs: 1 }
  }
  return { sent, send }
}

function options(send: Sender, overrides: Partial<DeliveryOptions> = {}): DeliveryOptions {
  return {
    send,
    schedule: { baseDelayMs: 0, maxDelayMs: 0, windowMs: 60_000 },
    leaseMs: 30_000,
    batchSize: 10,
    ...overrides,
  }
}

async function createUrlCode(db: Database, slug: string) {
  const code = await insertCode(db, {
    slug,
    kind: 'url',
    title: 'Spring poster',
    destination: 'https://example.com/',
    message: null,
    shortUrl: `https://scanboard.example/s/${slug}`,
    qrSvg: '<svg/>',
  })
  if (!code) throw new Error(`slug ${slug} was taken`)
  return code
}

let endpointNumber = 0

/** Adds an endpoint with a URL of its own, so requests to different endpoints can be told apart. */
async function addEndpoint(db: Database, events: WebhookEventType[] = ['scan.recorded'], codeIds: string[] | null = null) {
  endpointNumber += 1
  return insertEndpoint(db, { url: `http://127.0.0.1:9/hook-${endpointNumber}`, description: null, events, codeIds, secret: SECRET })
}

async function countRows(db: Database, table: 'webhook_events' | 'webhook_deliveries', type?: string) {
  const rows = await db.query<{ count: number }>(
    table === 'webhook_events' && type
      ? 'select count(*)::int as count from public.webhook_events where type = $1'
      : `select count(*)::int as count from public.${table}`,
    type && table === 'webhook_events' ? [type] : [],
  )
  return rows[0]?.count ?? -1
}

describe.each(backends)('webhook outbox on $name', (backend) => {
  let db: Database

  beforeEach(async () => {
    db = await backend.open()
    await migrate(db)
  })

  afterEach(async () => {
    await backend.dispose(db)
  })

  it('writes one event per counted scan', async () => {
    const code = await createUrlCode(db, 'hook2ab')
    const endpoint = await addEndpoint(db)

    const scan = await recordScan(db, 'hook2ab', HUMAN)

    expect(scan?.status).toBe('counted')
    const events = await db.query<{ type: string; code_id: string }>('select type, code_id from public.webhook_events')
    expect(events).toEqual([{ type: 'scan.recorded', code_id: code.id }])
    const deliveries = await listDeliveries(db, endpoint.id)
    expect(deliveries).toHaveLength(1)
    expect(deliveries[0]?.status).toBe('pending')
  })

  it('writes no event for bot, prefetch, HEAD or closed-code hits', async () => {
    await createUrlCode(db, 'hook2ab')
    await createUrlCode(db, 'hook3cd')
    await addEndpoint(db)
    await db.query("update public.qr_codes set paused_at = now() where slug = 'hook3cd'")

    const results = await recordScans(db, [
      { slug: 'hook2ab', ...HUMAN, label: 'bot' },
      { slug: 'hook2ab', ...HUMAN, label: 'prefetch' },
      { slug: 'hook2ab', ...HUMAN, label: 'head' },
      { slug: 'hook3cd', ...HUMAN },
      { slug: 'hook2ab', ...HUMAN },
    ])

    expect(results.map((result) => result?.status)).toEqual(['uncounted', 'uncounted', 'uncounted', 'paused', 'counted'])
    expect(await countRows(db, 'webhook_events')).toBe(1)
  })

  it('writes nothing without a matching active endpoint', async () => {
    const code = await createUrlCode(db, 'hook2ab')
    const other = await createUrlCode(db, 'hook3cd')
    await addEndpoint(db, ['scan.recorded'], [other.id])
    const paused = await addEndpoint(db)
    await db.query('update public.webhook_endpoints set paused_at = now() where id = $1', [paused.id])
    await addEndpoint(db, ['code.created'])

    await recordScan(db, code.slug, HUMAN)

    expect(await countRows(db, 'webhook_events', 'scan.recorded')).toBe(0)
    expect(await countRows(db, 'webhook_deliveries')).toBe(0)
  })

  it('writes one delivery per matching endpoint', async () => {
    const code = await createUrlCode(db, 'hook2ab')
    await addEndpoint(db)
    await addEndpoint(db, ['scan.recorded', 'code.created'], [code.id])

    await recordScans(db, [
      { slug: 'hook2ab', ...HUMAN },
      { slug: 'hook2ab', ...HUMAN },
    ])

    expect(await countRows(db, 'webhook_events')).toBe(2)
    expect(await countRows(db, 'webhook_deliveries')).toBe(4)
  })

  it('rolls the event back with its scan', async () => {
    await createUrlCode(db, 'hook2ab')
    await addEndpoint(db)

    await expect(
      db.transaction(async (tx) => {
        await recordScan(tx, 'hook2ab', HUMAN)
        throw new Error('abort after the scan')
      }),
    ).rejects.toThrow('abort after the scan')

    const scans = await db.query<{ count: number }>('select count(*)::int as count from public.scans')
    expect(scans[0]?.count).toBe(0)
    expect(await countRows(db, 'webhook_events')).toBe(0)
  })

  it('writes code.created with the code', async () => {
    await addEndpoint(db, ['code.created'])

    const code = await createUrlCode(db, 'hook2ab')

    const events = await db.query<{ type: string; code_id: string; data: { code: { slug: string } } }>(
      'select type, code_id, data from public.webhook_events',
    )
    expect(events).toHaveLength(1)
    expect(events[0]?.code_id).toBe(code.id)
    expect(events[0]?.data.code.slug).toBe('hook2ab')
  })

  it('writes checkin.accepted only for accepted check-ins', async () => {
    const eventId = await insertEvent(db, { name: 'Launch night', selfCheckIn: 'open', slug: 'evt2abc', shortUrl: 'https://scanboard.example/s/evt2abc', qrSvg: '<svg/>' })
    const event = await findEventById(db, eventId!)
    await addEndpoint(db, ['checkin.accepted'])
    const attendee = await insertAttendee(db, event!.id, { name: 'Ada Lovelace', email: 'ada@example.com', ticketType: 'VIP' })

    const first = await checkIn(db, { eventId: event!.id, target: { attendeeId: attendee.id }, door: 'North', method: 'search' })
    const second = await checkIn(db, { eventId: event!.id, target: { attendeeId: attendee.id }, door: 'South', method: 'search' })
    const walkIn = await checkInWalkIn(db, event!.id, 'Grace Hopper')

    expect([first.outcome, second.outcome, walkIn.outcome]).toEqual(['accepted', 'duplicate', 'accepted'])
    const rows = await db.query<{ data: { attendee: Record<string, unknown>; checkIn: { door: string } } }>(
      "select data from public.webhook_events where type = 'checkin.accepted' order by created_at, id",
    )
    expect(rows).toHaveLength(2)
    expect(rows.map((row) => row.data.attendee.name).sort()).toEqual(['Ada Lovelace', 'Grace Hopper'])
    expect(JSON.stringify(rows)).not.toContain('ada@example.com')
  })
})

describe.each(backends)('webhook delivery on $name', (backend) => {
  let db: Database

  beforeEach(async () => {
    db = await backend.open()
    await migrate(db)
  })

  afterEach(async () => {
    await backend.dispose(db)
  })

  it('sends a signed event that verifies', async () => {
    const code = await createUrlCode(db, 'hook2ab')
    const endpoint = await addEndpoint(db)
    await recordScan(db, 'hook2ab', HUMAN)
    const { sent, send } = recordingSender()

    expect(await deliverDue(db, options(send))).toBe(1)

    expect(sent).toHaveLength(1)
    const [request] = sent
    expect(request?.url).toBe(endpoint.url)
    expect(verifySignature(SECRET, request!.headers['Scanboard-Timestamp']!, request!.headers['Scanboard-Signature']!, request!.body)).toBe(true)
    expect(verifySignature('whsec_another-secret-0123456789abcdefghij', request!.headers['Scanboard-Timestamp']!, request!.headers['Scanboard-Signature']!, request!.body)).toBe(false)

    const body = JSON.parse(request!.body) as { id: string; type: string; data: { code: unknown; scan: Record<string, unknown> } }
    expect(body.id).toBe(request!.headers['Scanboard-Event-Id'])
    expect(body.type).toBe('scan.recorded')
    expect(body.data.code).toEqual({ id: code.id, slug: 'hook2ab', title: 'Spring poster' })
    expect(body.data.scan).toMatchObject({ label: 'human', referrerHost: 'news.example', country: null })
    expect(body.data.scan.userAgent).toMatch(/iOS/)
    expect(body.data.scan).not.toHaveProperty('ip')

    const [delivery] = await listDeliveries(db, endpoint.id)
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1, lastStatusCode: 200 })
    expect(await deliverDue(db, options(send))).toBe(0)
  })

  it('keeps the event id and body across retries', async () => {
    await createUrlCode(db, 'hook2ab')
    const endpoint = await addEndpoint(db)
    await recordScan(db, 'hook2ab', HUMAN)
    const { sent, send } = recordingSender((_request, index) => (index < 2 ? 500 : 204))

    for (let round = 0; round < 3; round += 1) await deliverDue(db, options(send))

    expect(sent).toHaveLength(3)
    expect(new Set(sent.map((request) => request.headers['Scanboard-Event-Id'])).size).toBe(1)
    expect(new Set(sent.map((request) => request.body)).size).toBe(1)
    const [delivery] = await listDeliveries(db, endpoint.id)
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 3, lastStatusCode: 204 })
  })

  it('waits for the backoff before retrying', async () => {
    await createUrlCode(db, 'hook2ab')
    const endpoint = await addEndpoint(db)
    await recordScan(db, 'hook2ab', HUMAN)
    const { sent, send } = recordingSender(() => 500)
    const schedule = { baseDelayMs: 60_000, maxDelayMs: 60_000, windowMs: 3_600_000 }

    await deliverDue(db, options(send, { schedule }))
    await deliverDue(db, options(send, { schedule }))

    expect(sent).toHaveLength(1)
    const [delivery] = await listDeliveries(db, endpoint.id)
    expect(delivery?.status).toBe('pending')
    const waitMs = delivery!.nextAttemptAt!.getTime() - Date.now()
    expect(waitMs).toBeGreaterThan(25_000)
    expect(waitMs).toBeLessThanOrEqual(60_000)
  })

  it('marks a delivery failed after the retry window', async () => {
    await createUrlCode(db, 'hook2ab')
    const endpoint = await addEndpoint(db)
    await recordScan(db, 'hook2ab', HUMAN)
    const { sent, send } = recordingSender(() => 500)
    const schedule = { baseDelayMs: 20, maxDelayMs: 40, windowMs: 300 }

    const deadline = Date.now() + 5_000
    for (let round = 0; round < 200 && Date.now() < deadline; round += 1) {
      await deliverDue(db, options(send, { schedule }))
      const [delivery] = await listDeliveries(db, endpoint.id)
      if (delivery?.status === 'failed') break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }

    const [delivery] = await listDeliveries(db, endpoint.id)
    expect(delivery?.status).toBe('failed')
    expect(delivery?.attempts).toBe(sent.length)
    expect(sent.length).toBeGreaterThan(1)
    expect(delivery?.lastError).toBe('HTTP 500')
  })

  it('never sends one delivery from two workers at once', async () => {
    await createUrlCode(db, 'hook2ab')
    await addEndpoint(db)
    await addEndpoint(db)
    await recordScans(db, Array.from({ length: 30 }, () => ({ slug: 'hook2ab', ...HUMAN })))
    const inFlight = new Set<string>()
    let overlaps = 0
    const { sent, send } = recordingSender(async (request) => {
      const key = `${request.url} ${request.headers['Scanboard-Event-Id']}`
      if (inFlight.has(key)) overlaps += 1
      inFlight.add(key)
      await new Promise((resolve) => setTimeout(resolve, 5))
      inFlight.delete(key)
      return 200
    })

    const counts = await Promise.all([deliverDue(db, options(send, { batchSize: 7 })), deliverDue(db, options(send, { batchSize: 7 }))])

    expect(counts[0] + counts[1]).toBe(60)
    expect(sent).toHaveLength(60)
    expect(overlaps).toBe(0)
    const pairs = sent.map((request) => `${request.url} ${request.headers['Scanboard-Event-Id']}`)
    expect(new Set(pairs).size).toBe(60)
    const rows = await db.query<{ status: string; attempts: number }>('select distinct status, attempts from public.webhook_deliveries')
    expect(rows).toEqual([{ status: 'succeeded', attempts: 1 }])
  })

  it('delivers an event whose worker stopped mid-attempt', async () => {
    await createUrlCode(db, 'hook2ab')
    const endpoint = await addEndpoint(db)
    await recordScan(db, 'hook2ab', HUMAN)

    // The first worker claims the delivery and stops before finishing it, as a restarted server would.
    const [abandoned] = await claimDueDeliveries(db, 10, 100)
    expect(abandoned).toBeDefined()
    const { sent, send } = recordingSender()
    expect(await deliverDue(db, options(send))).toBe(0)

    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(await deliverDue(db, options(send))).toBe(1)

    expect(sent).toHaveLength(1)
    expect(sent[0]?.headers['Scanboard-Event-Id']).toBe(abandoned?.eventId)
    const [delivery] = await listDeliveries(db, endpoint.id)
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 2 })
  })

  it('holds deliveries of a paused endpoint', async () => {
    await createUrlCode(db, 'hook2ab')
    const endpoint = await addEndpoint(db)
    await recordScan(db, 'hook2ab', HUMAN)
    await db.query('update public.webhook_endpoints set paused_at = now() where id = $1', [endpoint.id])
    const { sent, send } = recordingSender()

    expect(await deliverDue(db, options(send))).toBe(0)
    await db.query('update public.webhook_endpoints set paused_at = null where id = $1', [endpoint.id])
    expect(await deliverDue(db, options(send))).toBe(1)
    expect(sent).toHaveLength(1)
  })

  it('redelivers a finished delivery with the same event id', async () => {
    await createUrlCode(db, 'hook2ab')
    const endpoint = await addEndpoint(db)
    await recordScan(db, 'hook2ab', HUMAN)
    const { sent, send } = recordingSender()
    await deliverDue(db, options(send))
    const [delivery] = await listDeliveries(db, endpoint.id)

    expect(await requeueDelivery(db, endpoint.id, delivery!.id)).toBe(true)
    await deliverDue(db, options(send))

    expect(sent).toHaveLength(2)
    expect(sent[1]?.headers['Scanboard-Event-Id']).toBe(sent[0]?.headers['Scanboard-Event-Id'])
    expect(await requeueDelivery(db, '00000000-0000-4000-8000-000000000000', delivery!.id)).toBe(false)
  })
})
