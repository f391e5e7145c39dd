import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { DataDirLockedError, openPglite } from '@/lib/db/pglite'
import type { Database } from '@/lib/db/types'

describe('PGlite data folder lock', () => {
  const opened: Database[] = []
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scanboard-lock-'))

  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close()
  })

  it('rejects a second open of the same folder, naming it', async () => {
    opened.push(await openPglite(dataDir))

    const second = openPglite(dataDir)
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError)
    await expect(second).rejects.toThrow(dataDir)
  })

  it('opens the folder again after the holder closes it', async () => {
    const first = await openPglite(dataDir)
    await first.query('create table if not exists kept (value text)')
    await first.query("insert into kept values ('still here')")
    await first.close()

    const second = await openPglite(dataDir)
    opened.push(second)
    const rows = await second.query<{ value: string }>('select value from kept')
    expect(rows).toEqual([{ value: 'still here' }])
  })
})
