import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import lockfile from 'proper-lockfile'
import { describe, expect, it } from 'vitest'

import { TEST_SERVER_ENV } from '../support/credentials'
import { startServerOnce } from '../support/start-server-once'

describe('next start', () => {
  it('exits on the first request, naming the folder, when another process holds it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scanboard-locked-'))
    const release = await lockfile.lock(dataDir, { lockfilePath: `${dataDir}.lock`, realpath: false })
    try {
      const { code, output } = await startServerOnce({ ...TEST_SERVER_ENV, PGLITE_DATA_DIR: dataDir, DATABASE_URL: undefined })
      expect(code).toBe(1)
      expect(output).toContain(`The embedded database folder ${dataDir} is in use by another process`)
    } finally {
      await release()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }, 60_000)

  it('refuses to start without ADMIN_PASSWORD and SESSION_SECRET', async () => {
    const { code, output } = await startServerOnce({ ADMIN_PASSWORD: '', SESSION_SECRET: '' })
    expect(code).not.toBe(0)
    expect(code).not.toBeNull()
    expect(output).toContain('Scanboard will not start in production without ADMIN_PASSWORD and SESSION_SECRET')
  }, 60_000)

  it('refuses to start with a password shorter than 12 characters', async () => {
    const { code, output } = await startServerOnce({ ...TEST_SERVER_ENV, ADMIN_PASSWORD: 'short123' })
    expect(code).not.toBe(0)
    expect(code).not.toBeNull()
    expect(output).toContain('ADMIN_PASSWORD must be at least 12 characters')
  }, 60_000)
})
