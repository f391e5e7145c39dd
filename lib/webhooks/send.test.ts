import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from 'vitest'

import type { Resolver } from '@/lib/webhooks/address-check'
import { MAX_RESPONSE_BYTES, sendWebhook } from '@/lib/webhooks/send'

type Handler = (request: http.IncomingMessage, response: http.ServerResponse, body: string) => void

const servers: http.Server[] = []

/** Starts a receiver on 127.0.0.1 and returns its base URL; every request the tests send goes to such a receiver. */
async function startReceiver(handler: Handler): Promise<{ baseUrl: string; requests: { url: string; body: string }[] }> {
  const requests: { url: string; body: string }[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString()
      requests.push({ url: request.url ?? '', body })
      handler(request, response, body)
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { baseUrl: `http://127.0.0.1:${port}`, requests }
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.closeAllConnections() ?? server.close(resolve))))
})

const LOOPBACK = { requireHttps: false, allowLoopback: true, timeoutMs: 2_000 }

describe('sendWebhook', () => {
  it('posts the body and headers', async () => {
    const receiver = await startReceiver((request, response) => {
      response.writeHead(204).end()
    })

    const result = await sendWebhook(`${receiver.baseUrl}/in`, '{"a":1}', { 'X-Test': 'yes' }, LOOPBACK)

    expect(result).toMatchObject({ ok: true, statusCode: 204, error: null })
    expect(receiver.requests).toEqual([{ url: '/in', body: '{"a":1}' }])
  })

  it('connects to the checked address whatever the name resolves to later', async () => {
    const receiver = await startReceiver((_request, response) => response.writeHead(200).end())
    const port = new URL(receiver.baseUrl).port
    let lookups = 0
    // The first lookup returns the checked address; any later lookup would return a private one.
    const rebinding: Resolver = async () => {
      lookups += 1
      return [{ address: lookups === 1 ? '127.0.0.1' : '10.0.0.1', family: 4 }]
    }

    const result = await sendWebhook(`http://receiver.test:${port}/in`, '{}', {}, { ...LOOPBACK, resolve: rebinding })

    expect(result.ok).toBe(true)
    expect(lookups).toBe(1)
    expect(receiver.requests).toHaveLength(1)
  })

  it('follows a redirect after checking it', async () => {
    const receiver = await startReceiver((request, response) => {
      if (request.url === '/old') response.writeHead(308, { location: '/new' }).end()
      else response.writeHead(200).end()
    })

    const result = await sendWebhook(`${receiver.baseUrl}/old`, '{"b":2}', {}, LOOPBACK)

    expect(result.ok).toBe(true)
    expect(receiver.requests).toEqual([
      { url: '/old', body: '{"b":2}' },
      { url: '/new', body: '{"b":2}' },
    ])
  })

  it.each(['http://169.254.169.254/latest/meta-data/', 'http://[::ffff:10.0.0.1]/', 'http://internal.test/'])('refuses a redirect to %s', async (location) => {
    const receiver = await startReceiver((_request, response) => response.writeHead(302, { location }).end())
    const resolve: Resolver = async (hostname) => [{ address: hostname === 'internal.test' ? '192.168.1.20' : '127.0.0.1', family: 4 }]

    const result = await sendWebhook(`${receiver.baseUrl}/in`, '{}', {}, { ...LOOPBACK, resolve })

    expect(result.ok).toBe(false)
    expect(result.error).toMatch(/^rejected: .*forbidden address/)
    expect(receiver.requests).toHaveLength(1)
  })

  it('stops after three redirects', async () => {
    const receiver = await startReceiver((request, response) => response.writeHead(302, { location: `${request.url}x` }).end())

    const result = await sendWebhook(`${receiver.baseUrl}/r`, '{}', {}, LOOPBACK)

    expect(result).toMatchObject({ ok: false, statusCode: 302, error: 'more than 3 redirects' })
    expect(receiver.requests).toHaveLength(4)
  })

  it('reports a 500 as a failure', async () => {
    const receiver = await startReceiver((_request, response) => response.writeHead(500).end('boom'))

    expect(await sendWebhook(`${receiver.baseUrl}/in`, '{}', {}, LOOPBACK)).toMatchObject({ ok: false, statusCode: 500, error: 'HTTP 500' })
  })

  it('times out a slow receiver', async () => {
    const receiver = await startReceiver((_request, response) => {
      setTimeout(() => response.writeHead(200).end(), 5_000).unref()
    })

    const result = await sendWebhook(`${receiver.baseUrl}/in`, '{}', {}, { ...LOOPBACK, timeoutMs: 300 })

    expect(result).toMatchObject({ ok: false, statusCode: null, error: 'timed out after 300 ms' })
    expect(result.latencyMs).toBeLessThan(3_000)
  })

  it('reports an unreachable receiver', async () => {
    const receiver = await startReceiver((_request, response) => response.writeHead(200).end())
    const url = `${receiver.baseUrl}/in`
    await new Promise((resolve) => servers.pop()!.close(resolve))

    const result = await sendWebhook(url, '{}', {}, LOOPBACK)

    expect(result.ok).toBe(false)
    expect(result.error).toMatch(/^request failed: /)
  })

  it('reads at most 64 KiB of a response', async () => {
    const receiver = await startReceiver((_request, response) => {
      response.writeHead(200)
      response.end(Buffer.alloc(MAX_RESPONSE_BYTES * 16, 'a'))
    })

    expect((await sendWebhook(`${receiver.baseUrl}/in`, '{}', {}, LOOPBACK)).ok).toBe(true)
  })

  it('refuses loopback unless allowed', async () => {
    const receiver = await startReceiver((_request, response) => response.writeHead(200).end())

    const result = await sendWebhook(`${receiver.baseUrl}/in`, '{}', {}, { ...LOOPBACK, allowLoopback: false })

    expect(result.error).toMatch(/loopback/)
    expect(receiver.requests).toHaveLength(0)
  })
})
