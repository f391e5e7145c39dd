import { describe, expect, it } from 'vitest'

import { analyseAttendeeCsv, guessMapping, MAX_LISTED_ERRORS } from '@/lib/events/attendee-import'

function analyse(text: string, options?: Parameters<typeof analyseAttendeeCsv>[1]) {
  const outcome = analyseAttendeeCsv(text, options)
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome.analysis
}

describe('analyseAttendeeCsv', () => {
  it('reads a file with a byte order mark, quoted commas and line breaks', () => {
    const csv =
      '\uFEFFName,Email,Ticket type,Notes\r\n' +
      '"Lovelace, Ada",ada@example.com,VIP,"Arrives late,\r\nvia door B"\r\n' +
      '"Grace\nHopper",,"Speaker, day 1",\r\n'

    const analysis = analyse(csv)

    expect(analysis.headers).toEqual(['Name', 'Email', 'Ticket type', 'Notes'])
    expect(analysis.mapping).toEqual({ name: 0, lastName: null, email: 1, ticketType: 2 })
    expect(analysis.rowCount).toBe(2)
    expect(analysis.preview[0]?.[3]).toBe('Arrives late,\r\nvia door B')
    expect(analysis.errors).toEqual([])
    expect(analysis.valid).toEqual([
      { row: 2, name: 'Lovelace, Ada', email: 'ada@example.com', ticketType: 'VIP' },
      { row: 3, name: 'Grace Hopper', email: null, ticketType: 'Speaker, day 1' },
    ])
  })

  it('reports empty names, bad emails and duplicates with their row numbers', () => {
    const csv = [
      'name,email',
      'Ada Lovelace,ada@example.com',
      ',nobody@example.com',
      'Alan Turing,alan@',
      'Ada L.,ADA@example.com',
      'Grace Hopper,',
      'grace  hopper,',
      'Existing Person,existing@example.com',
    ].join('\n')

    const analysis = analyse(csv, { existing: [{ email: 'existing@example.com', name: 'existing person' }] })

    expect(analysis.errors).toEqual([
      { row: 3, field: 'name', message: 'Name is empty.' },
      { row: 4, field: 'email', message: '"alan@" is not a valid email address.' },
      { row: 5, field: 'email', message: 'Duplicate: email ADA@example.com is also on row 2.' },
      { row: 7, field: 'name', message: 'Duplicate: name grace hopper (no email) is also on row 6.' },
      { row: 8, field: 'email', message: 'Duplicate: email existing@example.com is already on the list.' },
    ])
    expect(analysis.errorCount).toBe(5)
    expect(analysis.valid.map((row) => row.row)).toEqual([2, 6])
  })

  it('joins first and last name columns', () => {
    const analysis = analyse('First Name,Last Name,E-mail,Ticket\nAda,Lovelace,ada@example.com,VIP\n')
    expect(analysis.mapping).toEqual({ name: 0, lastName: 1, email: 2, ticketType: 3 })
    expect(analysis.valid[0]).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', ticketType: 'VIP' })
  })

  it('uses a mapping the organiser chose', () => {
    const analysis = analyse('a,b,c\nada@example.com,Ada,VIP\n', { mapping: { name: 1, lastName: null, email: 0, ticketType: null } })
    expect(analysis.valid[0]).toMatchObject({ name: 'Ada', email: 'ada@example.com', ticketType: null })
  })

  it('refuses a mapping to a column the file lacks, or one column twice', () => {
    expect(analyseAttendeeCsv('name\nAda\n', { mapping: { name: 0, lastName: null, email: 3, ticketType: null } }).ok).toBe(false)
    expect(analyseAttendeeCsv('name,x\nAda,y\n', { mapping: { name: 0, lastName: null, email: 0, ticketType: null } }).ok).toBe(false)
  })

  it('refuses an empty file and an unclosed quote with a message', () => {
    expect(analyseAttendeeCsv('')).toEqual({ ok: false, message: expect.stringContaining('empty') })
    expect(analyseAttendeeCsv('name\n"Ada\n')).toEqual({ ok: false, message: expect.stringContaining('not valid CSV') })
  })

  it('checks 5,000 rows and lists at most the first errors', () => {
    const lines = ['name,email']
    for (let index = 0; index < 5000; index++) lines.push(index % 10 === 0 ? `,x${index}@example.com` : `Person ${index},p${index}@example.com`)

    const analysis = analyse(lines.join('\n'))

    expect(analysis.rowCount).toBe(5000)
    expect(analysis.valid).toHaveLength(4500)
    expect(analysis.errorCount).toBe(500)
    expect(analysis.errors).toHaveLength(MAX_LISTED_ERRORS)
  })
})

describe('guessMapping', () => {
  it('falls back to the first column for the name', () => {
    expect(guessMapping(['Who', 'Email'])).toEqual({ name: 0, lastName: null, email: 1, ticketType: null })
  })
})
