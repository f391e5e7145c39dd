import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'

import { attendeesToCsv, EXPORT_COLUMNS, neutraliseCell } from '@/lib/events/csv-export'
import type { Attendee } from '@/lib/events/types'

function attendee(fields: Partial<Attendee>): Attendee {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    eventId: '00000000-0000-4000-8000-000000000002',
    position: 1,
    token: 'a'.repeat(32),
    name: 'Ada Lovelace',
    email: null,
    ticketType: null,
    walkIn: false,
    checkedInAt: null,
    checkedInBy: null,
    checkedOutAt: null,
    cancelledAt: null,
    createdAt: new Date('2026-12-04T09:00:00Z'),
    ...fields,
  }
}

describe('neutraliseCell', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1+1', '＋1', '－1', '＠x'])('prefixes %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`)
  })

  it.each(['Ada', '1-2', 'a=b', '', ' =x'])('leaves %j alone', (value) => {
    expect(neutraliseCell(value)).toBe(value)
  })
})

describe('attendeesToCsv', () => {
  it('neutralises every formula-starting cell, and quotes and line breaks survive', () => {
    const csv = attendeesToCsv(
      [
        attendee({ name: '=HYPERLINK("http://evil.example","click")', email: '@x@example.com', ticketType: '-VIP' }),
        attendee({ name: 'Say "hi",\nthen go', ticketType: '＋Speaker', checkedInAt: new Date('2026-12-04T10:02:00Z'), checkedInBy: '+door B' }),
      ],
      (token) => `https://scanboard.example/t/${token}`,
    )

    expect(csv.startsWith('\uFEFF')).toBe(true)
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data
    expect(rows[0]).toEqual([...EXPORT_COLUMNS])
    expect(rows[1]?.slice(0, 4)).toEqual(['\'=HYPERLINK("http://evil.example","click")', "'@x@example.com", "'-VIP", 'not checked in'])
    expect(rows[2]?.slice(0, 6)).toEqual(['Say "hi",\nthen go', '', "'＋Speaker", 'checked in', '2026-12-04T10:02:00.000Z', "'+door B"])
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/)
  })
})
