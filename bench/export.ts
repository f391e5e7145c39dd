// Measures the scan CSV export of one code with 1,000,000 scans (BENCH_EXPORT_ROWS overrides):
// time, size, and the memory of the server processes while the file streams. Starts a
// throwaway Postgres cluster (scripts/start-test-postgres.sh, so the PostgreSQL server binaries
// must be installed) and the production build on it, inserts the scans with one
// `insert … select generate_series`, then downloads the export once.
// Linux only: memory is read from /proc. Needs a build first:
// `npm run build:test && npx tsx --conditions=react-server bench/export.ts`.
import fs from 'node:fs'

import pg from 'pg'

import { createTestDatabase, startThrowawayPostgres } from '../tests/support/postgres'
import { startTestServer } from '../tests/support/test-server'
import { currentCommit, describeMachine, signIn, writeReport } from './support'

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000)
const SAMPLE_INTERVAL_MS = 50

interface ProcessInfo {
  pid: number
  parent: number
  command: string
}

function readProcesses(): ProcessInfo[] {
  const processes: ProcessInfo[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The command name is in brackets and may contain spaces, so fields are read after the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()
      processes.push({ pid: Number(entry), parent, command })
    } catch {
      // The process ended while being read.
    }
  }
  return processes
}

/** Returns the Node.js processes of the server under test: descendants of this process that run Next.js. */
function serverProcesses(): number[] {
  const processes = readProcesses()
  const descendants = new Set([process.pid])
  let grew = true
  while (grew) {
    grew = false
    for (const info of processes) {
      if (!descendants.has(info.pid) && descendants.has(info.parent)) {
        descendants.add(info.pid)
        grew = true
      }
    }
  }
  return processes.filter((info) => info.pid !== process.pid && descendants.has(info.pid) && /next|serve-test-server/.test(info.command)).map((info) => info.pid)
}

/** Reads a `kB` field (VmRSS, VmHWM) of /proc/<pid>/status, in MiB. */
function readMemoryMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : 0
  } catch {
    return 0
  }
}

function totalRssMiB(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + readMemoryMiB(pid, 'VmRSS'), 0)
}

async function main() {
  const postgres = await startThrowawayPostgres()
  const database = await createTestDatabase(postgres.adminUrl)
  const server = await startTestServer({ SCAN_CAPTURE_IP: 'false', DATABASE_URL: database.url, DB_MIGRATE_ON_START: 'true' })
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()

  try {
    const cookie = await signIn(server.baseUrl)
    const created = await fetch(`${server.baseUrl}/api/codes`, {
      method: 'POST',
      headers: { cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'url', destination: 'https://example.com/' }),
    })
    const codeId = ((await created.json()) as { code: { id: string } }).code.id

    const seedStart = performance.now()
    // 2,000 distinct user agents, a few referrers and countries, and one hit in ten a bot.
    await client.query(
      `insert into public.scans (code_id, scanned_at, label, counted, user_agent, referrer, country, visitor_hash)
       select $1,
         timestamptz '2026-01-01T00:00:00Z' + n * interval '20 seconds',
         case when n % 10 = 0 then 'bot' else 'human' end,
         n % 10 <> 0,
         'Mozilla/5.0 (iPhone; CPU iPhone OS 17_' || (n % 2000) || ' like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
         case when n % 3 = 0 then 'https://news.example.com/article/' || (n % 97) end,
         (array['FR', 'US', 'DE', null])[1 + n % 4],
         md5((n % 50000)::text)
       from generate_series(1, $2::int) as n`,
      [codeId, ROWS],
    )
    await client.query('analyze public.scans')
    console.log(`Inserted ${ROWS} scans in ${((performance.now() - seedStart) / 1000).toFixed(1)} s.`)

    const pids = serverProcesses()
    if (pids.length === 0) throw new Error('Found no server process to measure under /proc.')
    const rssBefore = totalRssMiB(pids)
    let peakRss = rssBefore
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, totalRssMiB(pids))
    }, SAMPLE_INTERVAL_MS)

    const started = performance.now()
    const response = await fetch(`${server.baseUrl}/api/codes/${codeId}/scans.csv?tz=Europe/Paris`, { headers: { cookie } })
    if (response.status !== 200) throw new Error(`the export failed with ${response.status}: ${await response.text()}`)
    let firstByteMs = 0
    let bytes = 0
    let lines = 0
    for await (const chunk of response.body!) {
      if (bytes === 0) firstByteMs = performance.now() - started
      bytes += chunk.byteLength
      for (const byte of chunk) if (byte === 10) lines += 1
    }
    const totalMs = performance.now() - started
    clearInterval(sampler)
    peakRss = Math.max(peakRss, totalRssMiB(pids))
    const highWaterMarks = pids.map((pid) => readMemoryMiB(pid, 'VmHWM'))

    if (lines !== ROWS + 1) throw new Error(`the export has ${lines} lines, expected ${ROWS + 1} (header and one per scan)`)

    const report = [
      `Run on ${new Date().toISOString().slice(0, 10)}, commit ${currentCommit()}: \`npx tsx --conditions=react-server bench/export.ts\` (${ROWS.toLocaleString('en-US')} scans of one code, server on a throwaway Postgres ${await serverVersion(client)} on the same machine).`,
      '',
      `Machine: ${describeMachine()}.`,
      '',
      '| measure | value |',
      '| --- | ---: |',
      `| rows exported (plus a header) | ${ROWS.toLocaleString('en-US')} |`,
      `| file size | ${(bytes / 2 ** 20).toFixed(1)} MiB |`,
      `| time to first byte | ${firstByteMs.toFixed(0)} ms |`,
      `| total time | ${(totalMs / 1000).toFixed(1)} s (${Math.round(ROWS / (totalMs / 1000)).toLocaleString('en-US')} rows/s) |`,
      `| server RSS before the export | ${rssBefore.toFixed(0)} MiB |`,
      `| server peak RSS during the export (sampled every ${SAMPLE_INTERVAL_MS} ms) | ${peakRss.toFixed(0)} MiB |`,
      `| server peak RSS since start (VmHWM, per process) | ${highWaterMarks.map((value) => `${value.toFixed(0)} MiB`).join(', ')} |`,
      '',
      `"Server" is the Node.js processes under the test server script (${pids.length}: the wrapper script and \`next start\`); RSS is their sum.`,
    ].join('\n')
    console.log(report)
    writeReport('scan-export', report)
  } finally {
    await client.end()
    await server.stop()
    await postgres.stop()
  }
}

async function serverVersion(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ server_version: string }>('show server_version')
  return rows[0]?.server_version ?? 'unknown'
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
