import { describe, expect, it } from 'vitest'

import { insertCode } from '@/lib/db/codes'
import { migrate } from '@/lib/db/migrate'
import { recordScan } from '@/lib/db/scans'

import { backends } from './backends'

const postgres = backends.find((backend) => backend.name === 'postgres')

/** Waits until `condition` holds, polling every 50 ms, for at most `timeoutMs`. */
async function waitFor(condition: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe.skipIf(!postgres)('LISTEN connection on postgres', () => {
  it('reconnects after the server ends it, asks for a resync, and delivers again', async () => {
    const db = await postgres!.open()
    try {
      await migrate(db)
      await insertCode(db, {
        slug: 'lsn2345',
        kind: 'url',
        title: null,
        destination: 'https://example.com/',
        message: null,
        shortUrl: 'https://scanboard.example/s/lsn2345',
        qrSvg: '<svg/>',
      })

      const payloads: string[] = []
      let reconnects = 0
      await db.listen('scan_counts', (payload) => payloads.push(payload), { onReconnect: () => (reconnects += 1) })

      const terminated = await db.query<{ terminated: boolean }>(
        `select pg_terminate_backend(pid) as terminated from pg_stat_activity
         where datname = current_database() and query ilike 'listen%'`,
      )
      expect(terminated).toEqual([{ terminated: true }])

      await waitFor(() => reconnects === 1)
      await recordScan(db, 'lsn2345', { userAgent: null, referrer: null, ip: null })
      await waitFor(() => payloads.length === 1)
      expect(JSON.parse(payloads[0]!)).toMatchObject({ scanCount: 1 })
    } finally {
      await postgres!.dispose(db)
    }
  }, 30_000)
})
