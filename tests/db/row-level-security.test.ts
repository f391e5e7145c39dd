import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { insertCode } from '@/lib/db/codes'
import { migrate } from '@/lib/db/migrate'
import { recordScan } from '@/lib/db/scans'
import type { Database } from '@/lib/db/types'

import { backends } from './backends'

/** Runs one statement as the `anon` role, inside a transaction so the role never leaks to a pooled connection. */
function asAnon<Row>(db: Database, sql: string, params?: unknown[]): Promise<Row[]> {
  return db.transaction(async (tx) => {
    await tx.exec('set local role anon')
    return tx.query<Row>(sql, params)
  })
}

describe.each(backends)('row-level security on $name', (backend) => {
  let db: Database
  let codeId: string

  beforeAll(async () => {
    db = await backend.open()
    await migrate(db)
    const code = await insertCode(db, {
      slug: 'rls2345',
      kind: 'url',
      title: 'Private title',
      destination: 'https://example.com/private',
      message: null,
      shortUrl: 'https://scanboard.example/s/rls2345',
      qrSvg: '<svg/>',
    })
    codeId = code!.id
    await recordScan(db, 'rls2345', { userAgent: 'secret-agent', referrer: 'https://ref.example/', ip: '203.0.113.7' })
  })

  afterAll(async () => {
    await backend.dispose(db)
  })

  it('lets anon read the counts', async () => {
    const rows = await asAnon<{ code_id: string; scan_count: number }>(db, 'select code_id, scan_count from public.scan_counts')
    expect(rows).toEqual([{ code_id: codeId, scan_count: 1 }])
  })

  it.each(['qr_codes', 'qr_designs', 'scans', 'api_keys', 'events', 'attendees', 'check_ins', 'campaigns', 'campaign_codes', 'retired_slugs', 'webhook_endpoints', 'webhook_events', 'webhook_deliveries'])(
    'hides %s from anon',
    async (table) => {
      await expect(asAnon(db, `select * from public.${table}`)).rejects.toThrow(/permission denied/)
    },
  )

  it.each([
    ["insert into public.scan_counts (code_id) values (gen_random_uuid())", 'insert counts'],
    ['update public.scan_counts set scan_count = 1000', 'update counts'],
    ['delete from public.scan_counts', 'delete counts'],
    ["insert into public.scans (code_id) select code_id from public.scan_counts", 'insert scans'],
    ["update public.qr_codes set destination = 'https://evil.example/'", 'change a destination'],
    [
      "select * from public.record_scans(array['rls2345'], array['bot'], array[null], array[null]::inet[], array['human'], array[null], array[null])",
      'record scans',
    ],
    ["select * from public.check_in(gen_random_uuid(), 'token', null, 'door', 'scanner')", 'check someone in'],
    ['select * from public.undo_check_in(gen_random_uuid(), gen_random_uuid(), null)', 'undo a check-in'],
    ["select * from public.check_in_walk_in(gen_random_uuid(), 'Sam')", 'add a walk-in'],
    ["select public.enqueue_webhook_event('code.created', gen_random_uuid(), '{}')", 'write a webhook event'],
  ])('rejects %s from anon (%s)', async (sql) => {
    await expect(asAnon(db, sql)).rejects.toThrow(/permission denied/)
  })

  it('leaves the count unchanged after anon attempts', async () => {
    const rows = await db.query<{ scan_count: number }>('select scan_count from public.scan_counts where code_id = $1', [codeId])
    expect(rows[0]?.scan_count).toBe(1)
  })

  it('publishes scan_counts to supabase_realtime', async () => {
    const rows = await db.query<{ tablename: string }>(
      "select tablename from pg_publication_tables where pubname = 'supabase_realtime' order by tablename",
    )
    expect(rows.map((row) => row.tablename)).toEqual(['scan_counts'])
  })
})
