import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'

import { TEST_SERVER_ENV } from './credentials'

/** Finds a free TCP port on 127.0.0.1 by letting the system pick one. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export interface TestServer {
  baseUrl: string
  stop(): Promise<void>
}

/**
 * Starts scripts/serve-test-server.mjs (the production build on a fresh embedded database)
 * on a free loopback port and resolves once it responds to HTTP.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const port = await findFreePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const script = path.resolve(import.meta.dirname, '../../scripts/serve-test-server.mjs')

  const child: ChildProcess = spawn(process.execPath, [script, '--port', String(port)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...TEST_SERVER_ENV, ...env },
  })
  let exited = false
  child.on('exit', () => {
    exited = true
  })

  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The test server exited before answering on ${baseUrl}; see its output above.`)
    try {
      const response = await fetch(`${baseUrl}/api/counts?ids=00000000-0000-4000-8000-000000000000`)
      if (response.ok) break
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  if (Date.now() >= deadline) {
    child.kill('SIGTERM')
    throw new Error(`The test server did not answer on ${baseUrl} within 60 seconds.`)
  }

  return {
    baseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
