// Times the attendee import and the check-in route on a `next start` server with a fresh embedded
// database: a 5,000-row CSV through the import API (check, then import, three times each on fresh
// events), then check-ins from several doors at once against a plain read of the counts in the
// same run. Prints a Markdown report and writes it to docs/BENCHMARKS.md between the
// "bench:check-in" markers. Needs `npm run build` first (`npm run bench` does it).
import { startTestServer } from '../tests/support/test-server'

import { currentCommit, describeMachine, median, signIn, writeReport } from './support'

const IMPORT_ROWS = 5000
const IMPORT_RUNS = 3
const CHECK_INS = 1000
const DOORS = 10

function attendeeCsv(rows: number): string {
  const lines = ['Name,Email,Ticket type']
  for (let index = 1; index <= rows; index++) {
    lines.push(`"Guest ${index}, Jr.",guest${index}@example.com,${index % 4 === 0 ? 'VIP' : 'Standard'}`)
  }
  return `${lines.join('\n')}\n`
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!
}

async function main() {
  const server = await startTestServer({ LOG_LEVEL: 'warn' })
  const lines: string[] = []
  try {
    const cookie = await signIn(server.baseUrl)
    const post = (path: string, body: unknown) =>
      fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify(body) })
    const createEvent = async (name: string) => {
      const response = await post('/api/events', { name })
      if (response.status !== 201) throw new Error(`creating an event failed: ${response.status}`)
      return ((await response.json()) as { event: { id: string; codeId: string } }).event
    }

    const csv = attendeeCsv(IMPORT_ROWS)
    const checkTimes: number[] = []
    const importTimes: number[] = []
    let lastEventId = ''
    for (let run = 1; run <= IMPORT_RUNS; run++) {
      const event = await createEvent(`Import run ${run}`)
      lastEventId = event.id
      let started = performance.now()
      const check = await post(`/api/events/${event.id}/import`, { csv, dryRun: true })
      const preview = ((await check.json()) as { preview: { validCount: number } }).preview
      checkTimes.push(performance.now() - started)
      if (preview.validCount !== IMPORT_ROWS) throw new Error(`expected ${IMPORT_ROWS} valid rows, got ${preview.validCount}`)

      started = performance.now()
      const imported = await post(`/api/events/${event.id}/import`, { csv })
      const lastLine = (await imported.text()).trim().split('\n').at(-1) ?? ''
      importTimes.push(performance.now() - started)
      if (!lastLine.includes(`"imported":${IMPORT_ROWS}`)) throw new Error(`import did not finish: ${lastLine}`)
      console.error(`import run ${run}: check ${checkTimes.at(-1)!.toFixed(0)} ms, import ${importTimes.at(-1)!.toFixed(0)} ms`)
    }

    // Check-ins: DOORS concurrent loops, each posting the next personal code, against the same
    // number of plain reads of /api/counts, which also goes through the app and the database.
    const list = await fetch(`${server.baseUrl}/api/events/${lastEventId}/attendees?pageSize=500`, { headers: { cookie } })
    const attendees = ((await list.json()) as { attendees: { personalUrl: string }[] }).attendees
    const codes = [...attendees]
    for (let page = 2; codes.length < CHECK_INS; page++) {
      const more = await fetch(`${server.baseUrl}/api/events/${lastEventId}/attendees?pageSize=500&page=${page}`, { headers: { cookie } })
      codes.push(...((await more.json()) as { attendees: { personalUrl: string }[] }).attendees)
    }
    const event = await fetch(`${server.baseUrl}/api/events/${lastEventId}`, { headers: { cookie } })
    const codeId = ((await event.json()) as { event: { codeId: string } }).event.codeId

    const runLoops = async (request: (index: number) => Promise<Response>) => {
      const latencies: number[] = []
      let next = 0
      const started = performance.now()
      await Promise.all(
        Array.from({ length: DOORS }, async () => {
          while (next < CHECK_INS) {
            const index = next++
            const begin = performance.now()
            const response = await request(index)
            await response.arrayBuffer()
            if (!response.ok) throw new Error(`request ${index} failed with ${response.status}`)
            latencies.push(performance.now() - begin)
          }
        }),
      )
      return { latencies, perSecond: (CHECK_INS / (performance.now() - started)) * 1000 }
    }

    await runLoops(() => fetch(`${server.baseUrl}/api/counts?ids=${codeId}`))
    const reads = await runLoops(() => fetch(`${server.baseUrl}/api/counts?ids=${codeId}`))
    const checkIns = await runLoops((index) => post(`/api/events/${lastEventId}/check-ins`, { code: codes[index]!.personalUrl, door: `Door ${index % DOORS}` }))
    const counts = await fetch(`${server.baseUrl}/api/counts?ids=${codeId}`)
    const checkedIn = ((await counts.json()) as { counts: { checkedIn: number }[] }).counts[0]?.checkedIn

    lines.push(
      `Run on ${new Date().toISOString().slice(0, 10)}, commit ${currentCommit()}: \`npm run bench\` (server and client on the same machine).`,
      '',
      `Machine: ${describeMachine()}.`,
      '',
      `Import of a ${IMPORT_ROWS.toLocaleString('en')}-row CSV through \`POST /api/events/<id>/import\`, ${IMPORT_RUNS} runs on fresh events:`,
      '',
      '| step | median | slowest |',
      '| --- | ---: | ---: |',
      `| check (parse, validate, preview) | ${median(checkTimes).toFixed(0)} ms | ${Math.max(...checkTimes).toFixed(0)} ms |`,
      `| import (parse, validate, insert in one transaction, progress stream) | ${median(importTimes).toFixed(0)} ms | ${Math.max(...importTimes).toFixed(0)} ms |`,
      '',
      `Check-ins: ${CHECK_INS.toLocaleString('en')} personal codes posted to \`POST /api/events/<id>/check-ins\` by ${DOORS} doors at once, ` +
        `against as many reads of \`GET /api/counts\` in the same run:`,
      '',
      '| request | per second | p50 | p99 |',
      '| --- | ---: | ---: | ---: |',
      `| read counts \`GET /api/counts\` | ${reads.perSecond.toFixed(0)} | ${percentile(reads.latencies, 0.5).toFixed(1)} ms | ${percentile(reads.latencies, 0.99).toFixed(1)} ms |`,
      `| check in \`POST /api/events/<id>/check-ins\` | ${checkIns.perSecond.toFixed(0)} | ${percentile(checkIns.latencies, 0.5).toFixed(1)} ms | ${percentile(checkIns.latencies, 0.99).toFixed(1)} ms |`,
      '',
      `Check-in throughput as a share of the counts read: **${((100 * checkIns.perSecond) / reads.perSecond).toFixed(0)}%**. ` +
        `Stored afterwards: ${checkedIn} checked in (expected ${CHECK_INS}).`,
    )
  } finally {
    await server.stop()
  }

  const report = lines.join('\n')
  console.log(report)
  writeReport('check-in', report)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
