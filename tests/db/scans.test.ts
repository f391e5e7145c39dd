import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { findCodeBySlug, findScanCounts, insertCode } from '@/lib/db/codes'
import { migrate } from '@/lib/db/migrate'
import { recordScan } from '@/lib/db/scans'
import type { Database } from '@/lib/db/types'

import { backends } from './backends'

const SCAN = { userAgent: 'test-agent', referrer: null, ip: null }

async function createUrlCode(db: Database, slug: string) {
  const code = await insertCode(db, {
    slug,
    kind: 'url',
    title: 'Test code',
    destination: 'https://example.com/landing?x=1#top',
    message: null,
    shortUrl: `https://scanboard.example/s/${slug}`,
    qrSvg: '<svg/>',
  })
  if (!code) throw new Error(`slug ${slug} was taken`)
  return code
}

describe.each(backends)('scans on $name', (backend) => {
  let db: Database

  beforeEach(async () => {
    db = await backend.open()
    await migrate(db)
  })

  afterEach(async () => {
    await backend.dispose(db)
  })

  it('records a scan and returns the destination and new count', async () => {
    const code = await createUrlCode(db, 'abc2def')

    const scan = await recordScan(db, 'abc2def', SCAN)

    expect(scan).toEqual({
      codeId: code.id,
      kind: 'url',
      destination: 'https://example.com/landing?x=1#top',
      message: null,
      scanCount: 1,
      status: 'counted',
      fallbackUrl: null,
    })
  })

  it('returns null and stores nothing for an unknown slug', async () => {
    await createUrlCode(db, 'abc2def')

    expect(await recordScan(db, 'zzzzzzz', SCAN)).toBeNull()
    const rows = await db.query<{ count: number }>('select count(*)::int as count from public.scans')
    expect(rows[0]?.count).toBe(0)
  })

  it('counts 1,000 concurrent scans of one code exactly', async () => {
    const code = await createUrlCode(db, 'abc2def')

    const results = await Promise.all(Array.from({ length: 1000 }, () => recordScan(db, 'abc2def', SCAN)))

    expect(results.every((result) => result !== null)).toBe(true)
    const scanCounts = results.map((result) => result!.scanCount).sort((a, b) => a - b)
    expect(scanCounts).toEqual(Array.from({ length: 1000 }, (_, index) => index + 1))

    const rows = await db.query<{ count: number }>('select count(*)::int as count from public.scans where code_id = $1', [code.id])
    expect(rows[0]?.count).toBe(1000)

    const [count] = await findScanCounts(db, [code.id])
    expect(count?.scanCount).toBe(1000)
    expect(count?.version).toBe(1000)
  })

  it('notifies listeners with counts and ids only', async () => {
    const code = await createUrlCode(db, 'abc2def')
    const payloads: string[] = []
    const received = new Promise<void>((resolve) => {
      void db.listen('scan_counts', (payload) => {
        payloads.push(payload)
        resolve()
      })
    })
    // On a server, LISTEN runs on its own connection; give it a moment to be registered.
    await new Promise((resolve) => setTimeout(resolve, 100))

    await recordScan(db, 'abc2def', { userAgent: 'secret-agent', referrer: 'https://ref.example/', ip: '203.0.113.7' })
    await received

    const payload = JSON.parse(payloads[0]!) as Record<string, unknown>
    expect(Object.keys(payload).sort()).toEqual(['checkedIn', 'expected', 'id', 'lastScannedAt', 'scanCount', 'version'])
    expect(payload.id).toBe(code.id)
    expect(payload.scanCount).toBe(1)
    expect(payloads[0]).not.toContain('203.0.113.7')
    expect(payloads[0]).not.toContain('secret-agent')
  })

  it('returns null when inserting a taken slug', async () => {
    await createUrlCode(db, 'abc2def')
    const second = await insertCode(db, {
      slug: 'abc2def',
      kind: 'message',
      title: null,
      destination: null,
      message: 'hello',
      shortUrl: 'https://scanboard.example/s/abc2def',
      qrSvg: '<svg/>',
    })
    expect(second).toBeNull()
    expect((await findCodeBySlug(db, 'abc2def'))?.kind).toBe('url')
  })

  it('rejects a message code without a message', async () => {
    await expect(
      db.query(
        `insert into public.qr_codes (slug, kind, short_url, qr_svg) values ('abc2deg', 'message', 'https://x.example/s/abc2deg', '<svg/>')`,
      ),
    ).rejects.toThrow(/qr_codes_content_matches_kind/)
  })
})
