import { describe, expect, it } from 'vitest'

import { baseUrl, createCode, request } from './helpers'

/** Reads Server-Sent Events from `response` until `done` returns true for the text so far. */
async function readEvents(response: Response, done: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  const timeout = setTimeout(() => void reader.cancel(), timeoutMs)
  try {
    while (!done(text)) {
      const { value, done: ended } = await reader.read()
      if (ended) break
      text += decoder.decode(value, { stream: true })
    }
  } finally {
    clearTimeout(timeout)
    await reader.cancel().catch(() => undefined)
  }
  return text
}

describe('GET /api/live', () => {
  it('streams the new count after a scan, without compression', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/live' })
    const controller = new AbortController()
    const response = await fetch(`${baseUrl()}/api/live?ids=${code.id}`, {
      signal: controller.signal,
      headers: { 'Accept-Encoding': 'gzip, br' },
    })

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform')
    expect(response.headers.get('content-encoding')).toBeNull()

    const events = readEvents(response, (text) => text.includes('"scanCount":3'))
    await new Promise((resolve) => setTimeout(resolve, 200))
    for (let i = 0; i < 3; i++) await request(`/s/${code.slug}`)

    const text = await events
    controller.abort()
    const countEvents = text.split('\n\n').filter((block) => block.startsWith('event: counts'))
    expect(countEvents.length).toBeGreaterThanOrEqual(1)
    const last = JSON.parse(countEvents.at(-1)!.split('data: ')[1]!) as { id: string; scanCount: number }[]
    expect(last).toEqual([expect.objectContaining({ id: code.id, scanCount: 3 })])
    expect(Object.keys(last[0]!).sort()).toEqual(['checkedIn', 'expected', 'id', 'lastScannedAt', 'scanCount', 'version'])
  })

  it('coalesces a burst into at most 10 events a second, ending on the latest count', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/burst' })
    const controller = new AbortController()
    const response = await fetch(`${baseUrl()}/api/live?ids=${code.id}`, { signal: controller.signal })

    const events = readEvents(response, (text) => text.includes('"scanCount":60,'))
    await new Promise((resolve) => setTimeout(resolve, 200))
    const started = Date.now()
    await Promise.all(Array.from({ length: 60 }, () => request(`/s/${code.slug}`)))

    const text = await events
    const elapsedSeconds = (Date.now() - started) / 1000
    controller.abort()
    const countEvents = text.split('\n\n').filter((block) => block.startsWith('event: counts'))
    expect(countEvents.length).toBeLessThanOrEqual(Math.ceil(elapsedSeconds * 10) + 1)
    expect(countEvents.length).toBeLessThan(60)
    expect(countEvents.at(-1)).toContain('"scanCount":60,')
  })

  it.each(['', 'ids=', 'ids=not-a-uuid'])('rejects %j with 400', async (query) => {
    const response = await request(`/api/live?${query}`)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_parameter')
  })
})
