// Measures the scan route against a no-op redirect route of the same app, in one run, with
// autocannon on loopback. Then it sends 2,000 concurrent scans of one code, and times the
// database's own cost per scan without HTTP. Prints a Markdown report and writes it to docs/BENCHMARKS.md
// between the "bench:scan-route" markers. Needs `npm run build` first (`npm run bench` does it).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite'
import { insertCode } from '@/lib/db/codes'
import { recordScan, recordScans } from '@/lib/db/scans'

import { startTestServer } from '../tests/support/test-server'

import { currentCommit, describeMachine, median, signIn, writeReport } from './support'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const SECONDS_PER_RUN = Number(process.env.BENCH_SECONDS ?? 5)
const WARMUP_SECONDS = 4
/** Connection counts to measure at: the first is latency-bound for the scan route, the second saturates the server. */
const CONNECTION_LEVELS = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number)
const CONCURRENT_SCANS = 2000
const DIRECT_SCANS = 5000

interface RunResult {
  requestsPerSecond: number
  p50: number
  p99: number
  responses: number
  non3xx: number
  errors: number
}

interface LevelResult {
  connections: number
  noopRuns: RunResult[]
  scanRuns: RunResult[]
}

function summarize(level: LevelResult) {
  const summary = (runs: RunResult[]) => ({
    rps: median(runs.map((run) => run.requestsPerSecond)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
  })
  return {
    connections: level.connections,
    noop: summary(level.noopRuns),
    scan: summary(level.scanRuns),
    ratios: level.noopRuns.map((run, index) => level.scanRuns[index]!.requestsPerSecond / run.requestsPerSecond),
  }
}


async function load(url: string, options: { duration?: number; amount?: number; connections: number }): Promise<RunResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    timeout: 30,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration }),
    // A browser's user agent: the scan route counts only hits that look human.
    headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36' },
  })
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    responses: result['3xx'] + result['2xx'] + result['4xx'] + result['5xx'],
    non3xx: result['2xx'] + result['4xx'] + result['5xx'],
    errors: result.errors + result.timeouts,
  }
}

async function createCode(baseUrl: string, destination: string): Promise<{ id: string; slug: string }> {
  const response = await fetch(`${baseUrl}/api/codes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', cookie: await signIn(baseUrl) },
    body: JSON.stringify({ kind: 'url', destination }),
  })
  if (response.status !== 201) throw new Error(`creating the benchmark code failed: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { code: { id: string; slug: string } }).code
}

async function scanCount(baseUrl: string, id: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/counts?ids=${id}`)
  return ((await response.json()) as { counts: { scanCount: number }[] }).counts[0]?.scanCount ?? -1
}

/**
 * Times record_scans on PGlite (on its worker thread, as the server runs it) without HTTP:
 * one scan per statement, then ten per statement.
 */
async function measureDirectScans(): Promise<{ msSingle: number; msBatched: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scanboard-bench-db-'))
  const db = await openPglite(path.join(dataDir, 'pglite'))
  try {
    await migrate(db)
    await insertCode(db, {
      slug: 'bench22',
      kind: 'url',
      title: null,
      destination: 'https://example.com/',
      message: null,
      shortUrl: 'http://127.0.0.1/s/bench22',
      qrSvg: '<svg/>',
    })
    const scan = { userAgent: 'scanboard-bench/1.0', referrer: null, ip: null }
    for (let i = 0; i < 200; i++) await recordScan(db, 'bench22', scan)

    const singleStarted = performance.now()
    for (let i = 0; i < DIRECT_SCANS; i++) await recordScan(db, 'bench22', scan)
    const msSingle = (performance.now() - singleStarted) / DIRECT_SCANS

    const batch = Array.from({ length: 10 }, () => ({ ...scan, slug: 'bench22' }))
    const batchedStarted = performance.now()
    for (let i = 0; i < DIRECT_SCANS / 10; i++) await recordScans(db, batch)
    const msBatched = (performance.now() - batchedStarted) / DIRECT_SCANS
    return { msSingle, msBatched }
  } finally {
    await db.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

async function main() {
  const server = await startTestServer({ ENABLE_BENCH_ROUTES: 'true', LOG_LEVEL: 'warn' })
  const lines: string[] = []
  try {
    const code = await createCode(server.baseUrl, 'https://example.com/bench')
    const scanUrl = `${server.baseUrl}/s/${code.slug}`
    const noopUrl = `${server.baseUrl}/bench/redirect/${code.slug}`

    // Warm up both routes, twice each, so that JIT compilation and first-use costs are not measured.
    for (let warmup = 0; warmup < 2; warmup++) {
      await load(noopUrl, { duration: WARMUP_SECONDS, connections: CONNECTION_LEVELS[0]! })
      await load(scanUrl, { duration: WARMUP_SECONDS, connections: CONNECTION_LEVELS[0]! })
    }

    const levels: LevelResult[] = []
    for (const connections of CONNECTION_LEVELS) {
      const noopRuns: RunResult[] = []
      const scanRuns: RunResult[] = []
      for (let round = 1; round <= ROUNDS; round++) {
        noopRuns.push(await load(noopUrl, { duration: SECONDS_PER_RUN, connections }))
        scanRuns.push(await load(scanUrl, { duration: SECONDS_PER_RUN, connections }))
        console.error(
          `${connections} connections, round ${round}/${ROUNDS}: no-op ${noopRuns.at(-1)!.requestsPerSecond.toFixed(0)} req/s, ` +
            `scan ${scanRuns.at(-1)!.requestsPerSecond.toFixed(0)} req/s`,
        )
      }
      levels.push({ connections, noopRuns, scanRuns })
    }

    const countedScans = await scanCount(server.baseUrl, code.id)
    const redirectedScans = levels
      .flatMap((level) => level.scanRuns)
      .reduce((sum, run) => sum + run.responses - run.non3xx, 0)
    // The warm-up scans count too; they are part of what the database must hold.
    const warmupScans = countedScans - redirectedScans

    const concurrentCode = await createCode(server.baseUrl, 'https://example.com/concurrent')
    const concurrent = await load(`${server.baseUrl}/s/${concurrentCode.slug}`, {
      amount: CONCURRENT_SCANS,
      connections: 200,
    })
    const concurrentCount = await scanCount(server.baseUrl, concurrentCode.id)

    const direct = await measureDirectScans()

    const summaries = levels.map(summarize)
    const first = summaries[0]!
    const commit = currentCommit()

    lines.push(
      `Run on ${new Date().toISOString().slice(0, 10)}, commit ${commit}: \`npm run bench\` ` +
        `(${ROUNDS} alternating rounds of ${SECONDS_PER_RUN} s per route at each of ${CONNECTION_LEVELS.join(' and ')} connections, ` +
        'server and load generator on the same machine).',
      '',
      `Machine: ${describeMachine()}.`,
      '',
      '| connections | route | requests/s (median) | p50 latency | p99 latency |',
      '| ---: | --- | ---: | ---: | ---: |',
      ...summaries.flatMap((summary) => [
        `| ${summary.connections} | no-op redirect \`/bench/redirect/[slug]\` | ${summary.noop.rps.toFixed(0)} | ${summary.noop.p50} ms | ${summary.noop.p99} ms |`,
        `| ${summary.connections} | scan \`/s/[slug]\` (stores the scan, then redirects) | ${summary.scan.rps.toFixed(0)} | ${summary.scan.p50} ms | ${summary.scan.p99} ms |`,
      ]),
      '',
      ...summaries.map(
        (summary) =>
          `Scan throughput as a share of the no-op route at ${summary.connections} connections: ` +
          `**${(100 * (summary.scan.rps / summary.noop.rps)).toFixed(0)}%** (ratio of medians; per-round ratios ` +
          `${summary.ratios.map((ratio) => `${(100 * ratio).toFixed(0)}%`).join(', ')}).`,
      ),
      '',
      `Every scan stored: ${redirectedScans} redirects were returned in the measured rounds, and the count ` +
        `reads ${countedScans} (${warmupScans} of them from the warm-up).`,
      '',
      `${CONCURRENT_SCANS} concurrent scans of one code (200 connections): ${concurrent.responses - concurrent.non3xx} redirects, ` +
        `${concurrent.non3xx} other statuses, ${concurrent.errors} errors; stored count ${concurrentCount}.`,
      '',
      `Where the time goes: at ${first.connections} connections a request on the no-op route takes ` +
        `${(1000 / first.noop.rps).toFixed(2)} ms of server time (1 / throughput) and a scan ` +
        `${(1000 / first.scan.rps).toFixed(2)} ms. Without HTTP, on PGlite's worker thread, ` +
        `${DIRECT_SCANS} scans take ${direct.msSingle.toFixed(2)} ms each at one scan per statement and ` +
        `${direct.msBatched.toFixed(2)} ms each at ten per statement.`,
    )
  } finally {
    await server.stop()
  }

  const report = lines.join('\n')
  console.log(report)

  writeReport('scan-route', report)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
