import Papa from 'papaparse'

import type { Attendee } from '@/lib/events/types'

// Spreadsheets run a cell as a formula when it starts with one of these, in ASCII or in their
// full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20), which some spreadsheets fold to ASCII.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/** Prefixes a formula-starting cell with an apostrophe, so a spreadsheet shows it as text. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

function statusOf(attendee: Attendee): string {
  if (attendee.cancelledAt) return 'cancelled'
  return attendee.checkedInAt ? 'checked in' : 'not checked in'
}

export const EXPORT_COLUMNS = [
  'Name',
  'Email',
  'Ticket type',
  'Status',
  'Checked in at (UTC)',
  'Checked in by',
  'Cancelled at (UTC)',
  'Walk-in',
  'Personal link',
] as const

/**
 * Writes attendees as CSV: every cell neutralised, then quoted, so commas, quotes and line
 * breaks survive. Starts with a byte order mark, so Excel reads the file as UTF-8.
 */
export function attendeesToCsv(attendees: readonly Attendee[], personalUrl: (token: string) => string): string {
  const rows = attendees.map((attendee) => [
    attendee.name,
    attendee.email ?? '',
    attendee.ticketType ?? '',
    statusOf(attendee),
    attendee.checkedInAt?.toISOString() ?? '',
    attendee.checkedInBy ?? '',
    attendee.cancelledAt?.toISOString() ?? '',
    attendee.walkIn ? 'yes' : 'no',
    personalUrl(attendee.token),
  ])
  const cells = [[...EXPORT_COLUMNS], ...rows].map((row) => row.map(neutraliseCell))
  return `\uFEFF${Papa.unparse(cells, { quotes: true, newline: '\r\n' })}\r\n`
}
