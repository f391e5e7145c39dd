// Helpers shared by the benchmark scripts.
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { TEST_ADMIN_PASSWORD } from '../tests/support/credentials'

/** Signs in to a benchmark server and returns the `name=value` of the session cookie. */
export async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ password: TEST_ADMIN_PASSWORD }),
  })
  if (response.status !== 204) throw new Error(`signing in to the benchmark server failed: ${response.status}`)
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!
}

export function describeMachine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU'
  const memoryGiB = Math.round(os.totalmem() / 2 ** 30)
  return `${os.cpus().length} cores (${cpu}), ${memoryGiB} GiB, ${os.type()} ${os.release()}, Node ${process.version}`
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export function currentCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
}

/** Replaces the text between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` in docs/BENCHMARKS.md. */
export function writeReport(name: string, report: string): void {
  const docPath = path.join(import.meta.dirname, '..', 'docs', 'BENCHMARKS.md')
  const doc = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : ''
  const start = `<!-- bench:${name}:start -->`
  const end = `<!-- bench:${name}:end -->`
  if (!doc.includes(start) || !doc.includes(end)) {
    console.error(`docs/BENCHMARKS.md has no ${start} … ${end} markers; the report was only printed.`)
    return
  }
  fs.writeFileSync(docPath, `${doc.slice(0, doc.indexOf(start) + start.length)}\n${report}\n${doc.slice(doc.indexOf(end))}`)
  console.error(`Updated ${path.relative(process.cwd(), docPath)}.`)
}
