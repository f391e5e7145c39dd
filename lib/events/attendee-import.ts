import Papa from 'papaparse'

import type { NewAttendeeRow } from '@/lib/db/events'
import { checkEmail, checkLine, MAX_ATTENDEE_NAME_LENGTH, MAX_TICKET_TYPE_LENGTH } from '@/lib/events/schema'

export const MAX_IMPORT_ROWS = 20_000
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024
export const PREVIEW_ROWS = 5
/** At most this many row errors are listed; the total is always given. */
export const MAX_LISTED_ERRORS = 200

/** The column (0-based) of each field, or null when the file has no such column. */
export interface ColumnMapping {
  name: number
  /** Joined to `name` with a space, for files with separate first and last name columns. */
  lastName: number | null
  email: number | null
  ticketType: number | null
}

export interface RowError {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number
  field: 'name' | 'email' | 'ticketType' | 'row'
  message: string
}

export interface ImportAnalysis {
  headers: string[]
  preview: string[][]
  rowCount: number
  mapping: ColumnMapping
  errors: RowError[]
  errorCount: number
  /** The rows that passed, in file order, with their row numbers. */
  valid: (NewAttendeeRow & { row: number })[]
}

export type ParseOutcome = { ok: true; analysis: ImportAnalysis } | { ok: false; message: string }

const NAME_HEADERS = ['name', 'full name', 'fullname', 'attendee', 'attendee name', 'guest', 'guest name', 'participant']
const FIRST_NAME_HEADERS = ['first name', 'firstname', 'given name', 'first']
const LAST_NAME_HEADERS = ['last name', 'lastname', 'surname', 'family name', 'last']
const EMAIL_HEADERS = ['email', 'e-mail', 'email address', 'e-mail address', 'mail']
const TICKET_HEADERS = ['ticket type', 'ticket', 'type', 'ticket class', 'category', 'tier']

function normalizeHeader(header: string): string {
  return header.trim().toLowerCase().replace(/[_\s]+/g, ' ')
}

function findHeader(headers: readonly string[], candidates: readonly string[]): number | null {
  const normalized = headers.map(normalizeHeader)
  for (const candidate of candidates) {
    const index = normalized.indexOf(candidate)
    if (index !== -1) return index
  }
  return null
}

/** Guesses which columns hold the name, email and ticket type from the header row. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const email = findHeader(headers, EMAIL_HEADERS)
  const ticketType = findHeader(headers, TICKET_HEADERS)
  const name = findHeader(headers, NAME_HEADERS)
  if (name !== null) return { name, lastName: null, email, ticketType }

  const first = findHeader(headers, FIRST_NAME_HEADERS)
  if (first !== null) return { name: first, lastName: findHeader(headers, LAST_NAME_HEADERS), email, ticketType }

  // No header says "name": take the first column that is not the email or ticket column.
  const fallback = headers.findIndex((_, index) => index !== email && index !== ticketType)
  return { name: Math.max(0, fallback), lastName: null, email, ticketType }
}

function checkMapping(mapping: ColumnMapping, columnCount: number): string | null {
  const columns = [mapping.name, mapping.lastName, mapping.email, mapping.ticketType].filter((c): c is number => c !== null)
  if (columns.some((column) => !Number.isInteger(column) || column < 0 || column >= columnCount)) {
    return `The column mapping names a column the file does not have (it has ${columnCount}).`
  }
  if (new Set(columns).size !== columns.length) return 'Each column can be mapped to one field only.'
  return null
}

/** Returns the key that makes two rows the same person: the email, or the name when there is no email. */
function duplicateKey(name: string, email: string | null): string {
  return email ? `email:${email.toLowerCase()}` : `name:${name.toLowerCase().replace(/\s+/g, ' ')}`
}

/**
 * Parses an attendee CSV (header row first) and checks every row: a name is required, an email
 * must be valid, and a person may appear once, in the file and on the existing list. Nothing is
 * written here; the caller imports `valid` only when `errorCount` is 0 or the organiser chose to
 * skip the rows with problems.
 */
export function analyseAttendeeCsv(
  text: string,
  options: { mapping?: ColumnMapping; existing?: readonly { email: string | null; name: string }[] } = {},
): ParseOutcome {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' })
  const fatal = parsed.errors.find((error) => error.type === 'Quotes')
  if (fatal) {
    return { ok: false, message: `The file is not valid CSV: ${fatal.message} (row ${(fatal.row ?? 0) + 1}).` }
  }

  const [headerRow, ...rows] = parsed.data
  if (!headerRow || headerRow.every((cell) => cell.trim() === '')) {
    return { ok: false, message: 'The file is empty. The first row must name the columns, for example: name,email,ticket type.' }
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    return { ok: false, message: `The file has ${rows.length.toLocaleString('en')} rows; at most ${MAX_IMPORT_ROWS.toLocaleString('en')} at a time.` }
  }

  const headers = headerRow.map((header, index) => header.trim() || `Column ${index + 1}`)
  const mapping = options.mapping ?? guessMapping(headers)
  const mappingError = checkMapping(mapping, headers.length)
  if (mappingError) return { ok: false, message: mappingError }

  const seen = new Map<string, number | 'list'>()
  for (const person of options.existing ?? []) {
    seen.set(duplicateKey(person.name, person.email), 'list')
    // A row without an email is the same person as someone on the list with that name.
    seen.set(duplicateKey(person.name, null), 'list')
  }

  const errors: RowError[] = []
  let errorCount = 0
  const report = (error: RowError) => {
    errorCount += 1
    if (errors.length < MAX_LISTED_ERRORS) errors.push(error)
  }
  const valid: ImportAnalysis['valid'] = []

  rows.forEach((cells, index) => {
    const row = index + 2
    const cell = (column: number | null) => (column === null ? '' : (cells[column] ?? ''))
    // A line break inside a quoted name is folded into a space, as a spreadsheet cell shows it.
    const fold = (value: string) => value.replace(/\s+/g, ' ').trim()
    const rawName = [cell(mapping.name), cell(mapping.lastName)].map(fold).filter(Boolean).join(' ')

    const name = checkLine('Name', rawName, MAX_ATTENDEE_NAME_LENGTH)
    const email = checkEmail(cell(mapping.email))
    const ticketType = checkLine('Ticket type', fold(cell(mapping.ticketType)), MAX_TICKET_TYPE_LENGTH)

    // Every problem of a row is reported, not only the first.
    if (!name.ok) report({ row, field: 'name', message: name.message })
    else if (name.value === null) report({ row, field: 'name', message: 'Name is empty.' })
    if (!email.ok) report({ row, field: 'email', message: email.message })
    if (!ticketType.ok) report({ row, field: 'ticketType', message: ticketType.message })
    if (!name.ok || name.value === null || !email.ok || !ticketType.ok) return

    const key = duplicateKey(name.value, email.value)
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      const what = email.value ? `email ${email.value}` : `name ${name.value} (no email)`
      report({
        row,
        field: email.value ? 'email' : 'name',
        message: earlier === 'list' ? `Duplicate: ${what} is already on the list.` : `Duplicate: ${what} is also on row ${earlier}.`,
      })
      return
    }
    seen.set(key, row)
    valid.push({ row, name: name.value, email: email.value, ticketType: ticketType.value })
  })

  return {
    ok: true,
    analysis: { headers, preview: rows.slice(0, PREVIEW_ROWS), rowCount: rows.length, mapping, errors, errorCount, valid },
  }
}
