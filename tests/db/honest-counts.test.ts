import { beforeEach, describe, expect, it } from 'vitest'

import { findScanCounts, insertCode } from '@/lib/db/codes'
import { recordScan, recordScans, type ScanLabel } from '@/lib/db/scans'
import type { Database } from '@/lib/db/types'

import { backends, useMigratedDatabase } from './backends'

const HUMAN = { userAgent: 'Mozilla/5.0', referrer: null, ip: null }

async function createCode(db: Database, slug: string) {
  const code = await insertCode(db, {
    slug,
    kind: 'url',
    title: null,
    destination: 'https://example.com/',
    message: null,
    shortUrl: `https://scanboard.example/s/${slug}`,
    qrSvg: '<svg/>',
  })
  if (!code) throw new Error(`slug ${slug} was taken`)
  return code
}

async function countOf(db: Database, id: string) {
  const [count] = await findScanCounts(db, [id])
  if (!count) throw new Error('no counts row')
  return count
}

describe.each(backends)('honest counts on $name', (backend) => {
  const database = useMigratedDatabase(backend)
  let db: Database

  beforeEach(() => {
    db = database()
  })

  it('stores every label but counts only human scans, and sends no update for the rest', async () => {
    const code = await createCode(db, 'lbl2345')
    const before = await countOf(db, code.id)

    const results = []
    for (const label of ['bot', 'prefetch', 'head'] as ScanLabel[]) results.push(await recordScan(db, 'lbl2345', { ...HUMAN, label }))

    expect(results.map((result) => result?.status)).toEqual(['uncounted', 'uncounted', 'uncounted'])
    expect(results.map((result) => result?.destination)).toEqual(['https://example.com/', 'https://example.com/', 'https://example.com/'])
    expect(await countOf(db, code.id)).toEqual(before)

    const human = await recordScan(db, 'lbl2345', HUMAN)
    expect(human).toMatchObject({ status: 'counted', scanCount: 1 })
    const rows = await db.query<{ label: string; counted: boolean }>('select label, counted from public.scans order by id')
    expect(rows).toEqual([
      { label: 'bot', counted: false },
      { label: 'prefetch', counted: false },
      { label: 'head', counted: false },
      { label: 'human', counted: true },
    ])
  })

  it('gives exactly 100 of 500 concurrent scans on a cap of 100', async () => {
    const code = await createCode(db, 'cap2345')
    await db.query('update public.qr_codes set max_scans = 100 where id = $1', [code.id])

    const results = await Promise.all(Array.from({ length: 500 }, () => recordScan(db, 'cap2345', HUMAN)))

    expect(results.filter((result) => result?.status === 'counted')).toHaveLength(100)
    expect(results.filter((result) => result?.status === 'exhausted')).toHaveLength(400)
    expect(
      results
        .filter((result) => result?.status === 'counted')
        .map((result) => result!.scanCount)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 100 }, (_, index) => index + 1))
    expect((await countOf(db, code.id)).scanCount).toBe(100)
    const stored = await db.query<{ counted: number; total: number }>(
      'select count(*) filter (where counted)::int as counted, count(*)::int as total from public.scans',
    )
    expect(stored).toEqual([{ counted: 100, total: 500 }])
  })

  it('caps inside one batch too, earlier scans first', async () => {
    const code = await createCode(db, 'bat2345')
    await db.query('update public.qr_codes set max_scans = 3 where id = $1', [code.id])

    const results = await recordScans(
      db,
      Array.from({ length: 5 }, () => ({ ...HUMAN, slug: 'bat2345' })),
    )

    expect(results.map((result) => [result?.status, result?.scanCount])).toEqual([
      ['counted', 1],
      ['counted', 2],
      ['counted', 3],
      ['exhausted', 3],
      ['exhausted', 3],
    ])
  })

  it('counts nothing while paused or after expiry, and returns the fallback URL', async () => {
    const paused = await createCode(db, 'pau2345')
    const expired = await createCode(db, 'exp2345')
    await db.query("update public.qr_codes set paused_at = now(), fallback_url = 'https://example.com/later' where id = $1", [paused.id])
    await db.query("update public.qr_codes set expires_at = now() - interval '1 minute' where id = $1", [expired.id])

    expect(await recordScan(db, 'pau2345', HUMAN)).toMatchObject({ status: 'paused', scanCount: 0, fallbackUrl: 'https://example.com/later' })
    expect(await recordScan(db, 'exp2345', HUMAN)).toMatchObject({ status: 'expired', scanCount: 0, fallbackUrl: null })
    expect((await countOf(db, paused.id)).scanCount).toBe(0)
    expect((await countOf(db, expired.id)).scanCount).toBe(0)
  })

  it('never gives a deleted code’s slug to a new code', async () => {
    const code = await createCode(db, 'del2345')
    await recordScan(db, 'del2345', HUMAN)

    await db.query('delete from public.qr_codes where id = $1', [code.id])

    expect(await db.query('select * from public.scans')).toEqual([])
    expect(await recordScan(db, 'del2345', HUMAN)).toBeNull()
    const again = await insertCode(db, {
      slug: 'del2345',
      kind: 'url',
      title: null,
      destination: 'https://example.com/new',
      message: null,
      shortUrl: 'https://scanboard.example/s/del2345',
      qrSvg: '<svg/>',
    })
    expect(again).toBeNull()
    await expect(
      db.query("insert into public.qr_codes (slug, kind, destination, short_url, qr_svg) values ('del2345', 'url', 'https://x.example/', 'x', 'x')"),
    ).rejects.toThrow(/deleted code/)
  })
})
