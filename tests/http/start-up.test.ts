import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import lockfile from 'proper-lockfile'
import { describe, expect, it } from 'vitest'

import { TEST_SERVER_ENV } from '../support/credentials'
import { findFreePort } from '../support/test-server'

const NEXT_BIN = path.resolve(import.meta.dirname, '../../node_modules/next/dist/bin/next')

/**
 * Runs `next start` with `env` and resolves with its exit code and output once it exits (or
 * after 40 s). Next runs instrumentation's register() when the first request arrives, so one
 * request is sent as soon as the server says it is ready.
 */
async function startServer(env: Record<string, string | undefined>) {
  const port = await findFreePort()
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, NODE_ENV: 'production', ...env },
  })
  let output = ''
  let requested = false
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    if (requested || !output.includes('Ready')) return
    requested = true
    fetch(`http://127.0.0.1:${port}/api/counts?ids=00000000-0000-4000-8000-000000000000`).catch(() => undefined)
  })
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))

  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      resolve(null)
    }, 40_000)
    child.on('exit', (exitCode) => {
      clearTimeout(timer)
      resolve(exitCode)
    })
  })
  return { code, output }
}

describe('next start', () => {
  it('exits on the first request, naming the folder, when another process holds it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scanboard-locked-'))
    const release = await lockfile.lock(dataDir, { lockfilePath: `${dataDir}.lock`, realpath: false })
    try {
      const { code, output } = await startServer({ ...TEST_SERVER_ENV, PGLITE_DATA_DIR: dataDir, DATABASE_URL: undefined })
      expect(code).toBe(1)
      expect(output).toContain(`The embedded database folder ${dataDir} is in use by another process`)
    } finally {
      await release()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }, 60_000)

  it('refuses to start without ADMIN_PASSWORD and SESSION_SECRET', async () => {
    const { code, output } = await startServer({ ADMIN_PASSWORD: '', SESSION_SECRET: '' })
    expect(code).not.toBe(0)
    expect(code).not.toBeNull()
    expect(output).toContain('Scanboard will not start in production without ADMIN_PASSWORD and SESSION_SECRET')
  }, 60_000)
})
