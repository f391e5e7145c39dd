import { spawn } from 'node:child_process'
import path from 'node:path'

import { findFreePort } from './test-server'

const NEXT_BIN = path.resolve(import.meta.dirname, '../../node_modules/next/dist/bin/next')

/**
 * Runs `next start` with `env` and resolves with its exit code and output once it exits (or
 * after 40 s). Next runs instrumentation's register() when the first request arrives, so one
 * request is sent as soon as the server prints that it is ready.
 */
export async function startServerOnce(env: Record<string, string | undefined>) {
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
