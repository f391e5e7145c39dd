import { createHmac } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from 'vitest'

import { adminRequest, BROWSER_USER_AGENT, createCode, request } from './helpers'

interface Received {
  headers: http.IncomingHttpHeaders
  body: string
  at: number
}

/**
 * A webhook receiver on 127.0.0.1 that records every request and responds to each with the next
 * entry of `answers` (the last one repeats): a status, optionally after a delay.
 */
async function startReceiver(answers: { status: number; delayMs?: number }[]) {
  const received: Received[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      received.push({ headers: req.headers, body, at: Date.now() })
      const answer = answers[Math.min(received.length - 1, answers.length - 1)]!
      setTimeout(() => res.writeHead(answer.status).end('ok'), answer.delayMs ?? 0)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function waitFor(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function addEndpoint(url: string, codeId: string): Promise<{ id: string; secret: string }> {
  const response = await adminRequest('/api/webhooks', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url, events: ['scan.recorded'], codeIds: [codeId] }),
  })
  if (response.status !== 201) throw new Error(`adding the endpoint failed with ${response.status}: ${await response.text()}`)
  const body = (await response.json()) as { endpoint: { id: string }; secret: string }
  return { id: body.endpoint.id, secret: body.secret }
}

const cleanups: (() => Promise<unknown>)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

describe('webhook delivery to a local receiver', () => {
  it('delivers one signed event per human scan, with a stable id across a retry', async () => {
    const receiver = await startReceiver([{ status: 500 }, { status: 200 }])
    cleanups.push(receiver.close)
    const code = await createCode({ kind: 'url', destination: 'https://example.com/hooked' })
    const endpoint = await addEndpoint(receiver.url, code.id)
    cleanups.push(() => adminRequest(`/api/webhooks/${endpoint.id}`, { method: 'DELETE' }))

    expect((await request(`/s/${code.slug}`)).status).toBe(302)
    // Bots and HEAD requests produce no event.
    await request(`/s/${code.slug}`, { headers: { 'User-Agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' } })
    await request(`/s/${code.slug}`, { method: 'HEAD', headers: { 'User-Agent': BROWSER_USER_AGENT } })

    // The first attempt gets a 500; the retry, about half a second later, succeeds.
    await waitFor(() => receiver.received.length >= 2, 15_000)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(receiver.received).toHaveLength(2)

    const [first, retry] = receiver.received
    expect(first!.headers['scanboard-event-id']).toBe(retry!.headers['scanboard-event-id'])
    expect(retry!.body).toBe(first!.body)
    for (const delivery of receiver.received) {
      const timestamp = String(delivery.headers['scanboard-timestamp'])
      const expected = `v1=${createHmac('sha256', endpoint.secret).update(`${timestamp}.${delivery.body}`).digest('hex')}`
      expect(delivery.headers['scanboard-signature']).toBe(expected)
    }
    const event = JSON.parse(first!.body) as { id: string; type: string; data: unknown }
    expect(event.type).toBe('scan.recorded')
    expect(event.id).toBe(first!.headers['scanboard-event-id'])
    expect(first!.body).toContain(code.slug)
  })

  it('keeps the redirect fast while the receiver takes 15 s to answer', async () => {
    const slow = await startReceiver([{ status: 200, delayMs: 15_000 }])
    cleanups.push(slow.close)
    const plain = await createCode({ kind: 'url', destination: 'https://example.com/plain' })
    const hooked = await createCode({ kind: 'url', destination: 'https://example.com/slow-hook' })
    const endpoint = await addEndpoint(slow.url, hooked.id)
    cleanups.push(() => adminRequest(`/api/webhooks/${endpoint.id}`, { method: 'DELETE' }))

    const timed = async (slug: string) => {
      const started = performance.now()
      expect((await request(`/s/${slug}`)).status).toBe(302)
      return performance.now() - started
    }
    const plainTimes: number[] = []
    const hookedTimes: number[] = []
    for (let round = 0; round < 5; round++) {
      plainTimes.push(await timed(plain.slug))
      hookedTimes.push(await timed(hooked.slug))
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

    await waitFor(() => slow.received.length >= 1, 10_000)
    // A generous bound: the scan never waits for the receiver's 15 s.
    expect(median(hookedTimes)).toBeLessThan(2000)
    expect(Math.max(...hookedTimes)).toBeLessThan(5000)
    console.info(`scan redirect medians: ${median(plainTimes).toFixed(1)} ms without an endpoint, ${median(hookedTimes).toFixed(1)} ms with a slow one`)
  })
})
