import pg from 'pg'
import { describe, expect, inject, it } from 'vitest'

import { adminRequest, baseUrl, BROWSER_USER_AGENT as BROWSER, createCode, getScanCount, request, type CodeJson } from './helpers'
const PREVIEWS = [
  'WhatsApp/2.24.6.77 A',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
  'TelegramBot (like TwitterBot)',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'http.rb/5.1.1 (Mastodon/4.2.8; +https://mastodon.social/)',
]

function scan(slug: string, init: RequestInit = {}) {
  return request(`/s/${slug}`, { ...init, headers: { 'User-Agent': BROWSER, ...init.headers } })
}

function patch(id: string, body: unknown) {
  return adminRequest(`/api/codes/${id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
}

describe('labels at the scan route', () => {
  it('redirects all seven kinds of hit, but only the browser counts', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/honest' })

    const responses = [
      await scan(code.slug),
      ...(await Promise.all(PREVIEWS.map((userAgent) => scan(code.slug, { headers: { 'User-Agent': userAgent } })))),
      await scan(code.slug, { method: 'HEAD' }),
      await scan(code.slug, { headers: { 'Sec-Purpose': 'prefetch' } }),
    ]

    expect(responses.map((response) => response.status)).toEqual(Array(9).fill(302))
    expect(new Set(responses.map((response) => response.headers.get('location')))).toEqual(new Set(['https://example.com/honest']))
    expect(await getScanCount(code.id)).toBe(1)
  })
})

describe('code lifecycle', () => {
  it('pauses and resumes, with and without a fallback', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/live' })

    expect((await patch(code.id, { paused: true })).status).toBe(200)
    const paused = await scan(code.slug)
    expect(paused.status).toBe(200)
    expect(await paused.text()).toContain('This QR code is paused')

    await patch(code.id, { fallbackUrl: 'https://example.com/later' })
    const fallback = await scan(code.slug)
    expect(fallback.status).toBe(302)
    expect(fallback.headers.get('location')).toBe('https://example.com/later')
    expect(await getScanCount(code.id)).toBe(0)

    await patch(code.id, { paused: false })
    expect((await scan(code.slug)).headers.get('location')).toBe('https://example.com/live')
    expect(await getScanCount(code.id)).toBe(1)
  })

  it('answers 410 after expiry and after the last allowed scan', async () => {
    const expired = await createCode({ kind: 'url', destination: 'https://example.com/a' })
    await patch(expired.id, { expiresAt: new Date(Date.now() - 60_000).toISOString() })
    expect((await scan(expired.slug)).status).toBe(410)
    expect(await getScanCount(expired.id)).toBe(0)

    const capped = await createCode({ kind: 'url', destination: 'https://example.com/b' })
    await patch(capped.id, { maxScans: 2 })
    const statuses = []
    for (let index = 0; index < 3; index++) statuses.push((await scan(capped.slug)).status)
    expect(statuses).toEqual([302, 302, 410])
    expect(await getScanCount(capped.id)).toBe(2)
  })

  it('edits the destination and title without changing the slug or the QR', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/old', title: 'Old' })
    const qrBefore = await (await adminRequest(`/api/codes/${code.id}/qr.svg`)).text()

    const response = await patch(code.id, { destination: 'https://example.com/new' })
    const { code: updated } = (await response.json()) as { code: CodeJson }

    expect(updated).toMatchObject({ slug: code.slug, shortUrl: code.shortUrl, destination: 'https://example.com/new', title: 'Old' })
    expect(await (await adminRequest(`/api/codes/${code.id}/qr.svg`)).text()).toBe(qrBefore)
    expect((await scan(code.slug)).headers.get('location')).toBe('https://example.com/new')
  })

  it('refuses a destination that loops back to a short link, and bad fields, with 400', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/x' })

    const loop = await patch(code.id, { destination: `${baseUrl()}/s/${code.slug}` })
    expect(loop.status).toBe(400)
    // Another loopback name of the same server is the same loop.
    const viaLocalhost = await patch(code.id, { destination: `${baseUrl().replace('127.0.0.1', 'localhost')}/s/${code.slug}` })
    expect(viaLocalhost.status).toBe(400)
    expect(await loop.json()).toMatchObject({ error: { fields: { destination: expect.stringContaining('short link') } } })

    const created = await adminRequest('/api/codes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'url', destination: `${baseUrl()}/S/${code.slug.toUpperCase()}` }),
    })
    expect(created.status).toBe(400)

    const bad = await patch(code.id, { maxScans: 0, expiresAt: 'tomorrow' })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { fields: { maxScans: expect.any(String), expiresAt: expect.any(String) } } })
  })

  it('deletes a code and its scans; the short link then answers 404', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/gone' })
    await scan(code.slug)

    expect((await adminRequest(`/api/codes/${code.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await scan(code.slug)).status).toBe(404)
    expect((await adminRequest(`/api/codes/${code.id}`)).status).toBe(404)
  })
})

const serverDatabaseUrl = inject('serverDatabaseUrl')

describe('client addresses', () => {
  // The test server reads addresses as on Vercel (CLIENT_IP_SOURCE=vercel), with IP capture off.
  // Reading the stored rows needs the server's database, which only the Postgres project opens.
  it.skipIf(!serverDatabaseUrl)('counts uniques from the platform header, ignores a spoofed X-Forwarded-For, stores no IP', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/uniques' })
    const hits: Record<string, string>[] = [
      { 'x-vercel-forwarded-for': '198.51.100.7', 'x-forwarded-for': '6.6.6.6' },
      { 'x-vercel-forwarded-for': '198.51.100.7', 'x-forwarded-for': '7.7.7.7' },
      { 'x-vercel-forwarded-for': '198.51.100.8', 'x-forwarded-for': '6.6.6.6' },
    ]
    for (const headers of hits) expect((await scan(code.slug, { headers })).status).toBe(302)

    const client = new pg.Client({ connectionString: serverDatabaseUrl })
    await client.connect()
    try {
      const { rows } = await client.query<{ ip: string | null; visitor_hash: string | null }>(
        'select ip, visitor_hash from public.scans where code_id = $1 order by id',
        [code.id],
      )
      expect(rows.map((row) => row.ip)).toEqual([null, null, null])
      const [first, second, third] = rows.map((row) => row.visitor_hash)
      expect(first).toMatch(/^[0-9a-f]{32}$/)
      expect(second).toBe(first)
      expect(third).not.toBe(first)
    } finally {
      await client.end()
    }
  })
})
