import Papa from 'papaparse'
import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'

import { adminRequest, createCode, request } from './helpers'

interface AnalyticsJson {
  range: { timeZone: string; start: string; end: string; unit: string }
  totals: { humanScans: number; uniqueVisitorsPerDay: number; hits: number; hitsByLabel: Record<string, number> }
  series: { start: string; local: string; humans: number; hits: number }[]
}

const serverDatabaseUrl = inject('serverDatabaseUrl')
let client: pg.Client | undefined

/** Connects to the server's own database; only the Postgres project has one that tests may open. */
async function database(): Promise<pg.Client> {
  if (!client) {
    client = new pg.Client({ connectionString: serverDatabaseUrl })
    await client.connect()
  }
  return client
}

afterAll(async () => {
  await client?.end()
})

describe('analytics API', () => {
  it('rejects an unknown zone, naming tz', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/' })

    for (const tz of ['Mars/Olympus_Mons', '+05:30', 'America/Los_Angeles; drop table x']) {
      const response = await adminRequest(`/api/codes/${code.id}/analytics?from=2026-06-01&to=2026-06-02&tz=${encodeURIComponent(tz)}`)
      expect(response.status).toBe(400)
      const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } }
      expect(body.error.code).toBe('invalid_parameter')
      expect(Object.keys(body.error.fields)).toEqual(['tz'])
    }
  })

  it('rejects invalid dates, naming the field', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/' })
    const cases: [string, string][] = [
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['from=2026-03-01&to=tomorrow', 'to'],
      ['to=2026-03-01', 'from'],
      ['from=2026-03-02&to=2026-03-01', 'to'],
      ['from=2020-01-01&to=2026-03-01', 'to'],
    ]

    for (const [query, field] of cases) {
      const response = await adminRequest(`/api/codes/${code.id}/analytics?${query}&tz=UTC`)
      expect(response.status, query).toBe(400)
      const body = (await response.json()) as { error: { fields: Record<string, string> } }
      expect(Object.keys(body.error.fields), query).toEqual([field])
    }
  })

  it('returns 401 signed out and 404 for an unknown code', async () => {
    const signedOut = await request('/api/codes/00000000-0000-4000-8000-000000000000/analytics?from=2026-06-01&to=2026-06-01')
    expect(signedOut.status).toBe(401)
    const exportSignedOut = await request('/api/codes/00000000-0000-4000-8000-000000000000/scans.csv')
    expect(exportSignedOut.status).toBe(401)

    const missing = await adminRequest('/api/codes/00000000-0000-4000-8000-000000000000/analytics?from=2026-06-01&to=2026-06-01')
    expect(missing.status).toBe(404)
  })

  it('returns 23 zero-filled buckets on a DST day', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/' })

    const response = await adminRequest(`/api/codes/${code.id}/analytics?from=2026-03-08&to=2026-03-08&tz=America/Los_Angeles`)

    expect(response.status).toBe(200)
    const { analytics } = (await response.json()) as { analytics: AnalyticsJson }
    expect(analytics.range).toEqual({ timeZone: 'America/Los_Angeles', start: '2026-03-08T08:00:00.000Z', end: '2026-03-09T07:00:00.000Z', unit: 'hour' })
    expect(analytics.series).toHaveLength(23)
    expect(analytics.totals).toEqual({ humanScans: 0, uniqueVisitorsPerDay: 0, hits: 0, hitsByLabel: { human: 0, bot: 0, prefetch: 0, head: 0 } })
  })

  it('exports a header row for a code without scans', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/' })

    const response = await adminRequest(`/api/codes/${code.id}/scans.csv?tz=Europe/Paris`)

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())).toBe(
      '\uFEFF"Time (UTC)","Time (Europe/Paris)","Label","Counted","Browser","OS","Device","Country","Referrer"\r\n',
    )
  })
})

describe.skipIf(!serverDatabaseUrl)('scan export with stored scans', () => {
  it('neutralises formulas and quotes cells', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/' })
    const db = await database()
    await db.query(
      `insert into public.scans (code_id, scanned_at, label, counted, user_agent, referrer, country, ip)
       values ($1, '2026-06-10T05:30:00Z', 'human', true, 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1', '=HYPERLINK("https://evil.example","x")', 'FR', null),
              ($1, '2026-06-10T06:00:00Z', 'bot', false, null, E'+1, "quoted"\nline', null, '192.0.2.7'),
              ($1, '2026-06-10T07:00:00Z', 'human', true, null, '＝SUM(A1)', null, null)`,
      [code.id],
    )

    const response = await adminRequest(`/api/codes/${code.id}/scans.csv?tz=America/Los_Angeles&from=2026-06-09&to=2026-06-10`)
    const text = await response.text()
    const { data } = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true })

    expect(response.status).toBe(200)
    expect(text.split('\r\n')[1]).toMatch(/^"2026-06-10T05:30:00.000Z",/)
    expect(data[0]).toEqual(['Time (UTC)', 'Time (America/Los_Angeles)', 'Label', 'Counted', 'Browser', 'OS', 'Device', 'Country', 'Referrer', 'IP address'])
    expect(data[1]).toEqual([
      '2026-06-10T05:30:00.000Z',
      '2026-06-09T22:30:00-07:00',
      'human',
      'yes',
      'Mobile Safari',
      'iOS',
      'mobile',
      'FR',
      `'=HYPERLINK("https://evil.example","x")`,
      '',
    ])
    expect(data[2]?.slice(2, 4)).toEqual(['bot', 'no'])
    expect(data[2]?.[8]).toBe(`'+1, "quoted"\nline`)
    expect(data[2]?.[9]).toBe('192.0.2.7')
    expect(data[3]?.[8]).toBe(`'＝SUM(A1)`)
    expect(data).toHaveLength(4)
  })

  it('streams 200,000 scans in id order', { timeout: 180_000 }, async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/' })
    const db = await database()
    const rows = 200_000
    await db.query(
      `insert into public.scans (code_id, scanned_at, label, counted, user_agent, visitor_hash)
       select $1, timestamptz '2026-06-01T00:00:00Z' + n * interval '1 second', 'human', true,
         'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0.0.0 agent-' || (n % 500), md5(n::text)
       from generate_series(1, $2::int) as n`,
      [code.id, rows],
    )

    const response = await adminRequest(`/api/codes/${code.id}/scans.csv?tz=UTC`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBeNull()

    let lines = 0
    let chunks = 0
    let tail = ''
    const decoder = new TextDecoder()
    for await (const chunk of response.body!) {
      chunks += 1
      const text = decoder.decode(chunk, { stream: true })
      // Counted on bytes, because a CR LF pair can be split between two chunks.
      for (const byte of chunk) if (byte === 0x0a) lines += 1
      tail = (tail + text).slice(-1000)
    }
    const lastLine = tail.split('\r\n').at(-2) ?? ''

    expect(lines).toBe(rows + 1)
    expect(chunks).toBeGreaterThan(rows / 5000)
    expect(lastLine.startsWith(`"2026-06-03T07:33:20.000Z"`)).toBe(true)

    const analytics = await adminRequest(`/api/codes/${code.id}/analytics?from=2026-06-01&to=2026-06-30&tz=UTC`)
    const body = (await analytics.json()) as { analytics: AnalyticsJson }
    expect(body.analytics.totals.humanScans).toBe(rows)
    expect(body.analytics.totals.uniqueVisitorsPerDay).toBe(rows)
  })
})
