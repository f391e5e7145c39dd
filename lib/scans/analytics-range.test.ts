import { describe, expect, it } from 'vitest'

import { chooseBucketUnit, isValidTimeZone, parseRangeQuery } from '@/lib/scans/analytics-range'

function parse(query: Record<string, string>, required = true) {
  return parseRangeQuery(new URLSearchParams(query), { required })
}

describe('parseRangeQuery', () => {
  it('makes a date range include its last day', () => {
    expect(parse({ from: '2026-03-08', to: '2026-03-08', tz: 'America/Los_Angeles' })).toEqual({
      ok: true,
      range: { timeZone: 'America/Los_Angeles', startLocal: '2026-03-08 00:00', endLocal: '2026-03-09 00:00' },
    })
  })

  it('keeps a time end exclusive', () => {
    expect(parse({ from: '2026-03-07T14:00', to: '2026-03-08T14:00' })).toEqual({
      ok: true,
      range: { timeZone: 'UTC', startLocal: '2026-03-07 14:00', endLocal: '2026-03-08 14:00' },
    })
  })

  it('crosses a month and a year end', () => {
    const parsed = parse({ from: '2026-12-31', to: '2026-12-31' })
    expect(parsed.ok && parsed.range.endLocal).toBe('2027-01-01 00:00')
  })

  it('names the invalid field', () => {
    const cases: [Record<string, string>, string][] = [
      [{ from: '2026-03-01', to: '2026-03-02', tz: 'Nowhere/City' }, 'tz'],
      [{ from: '2026-03-01', to: '2026-03-02', tz: '+05:30' }, 'tz'],
      [{ from: '2026-02-29', to: '2026-03-02' }, 'from'],
      [{ from: '2026-03-01T24:00', to: '2026-03-02' }, 'from'],
      [{ from: '2026-03-01', to: '03/02/2026' }, 'to'],
      [{ from: '2026-03-01' }, 'to'],
      [{ to: '2026-03-01' }, 'from'],
      [{ from: '2026-03-02', to: '2026-03-01' }, 'to'],
      [{ from: '2025-01-01', to: '2026-03-01' }, 'to'],
    ]
    for (const [query, field] of cases) {
      const parsed = parse(query)
      expect(parsed.ok, JSON.stringify(query)).toBe(false)
      expect(!parsed.ok && parsed.field, JSON.stringify(query)).toBe(field)
    }
  })

  it('selects every scan when optional and absent', () => {
    expect(parse({ tz: 'Europe/Paris' }, false)).toEqual({
      ok: true,
      range: { timeZone: 'Europe/Paris', startLocal: '1970-01-01 00:00', endLocal: '9999-12-31 00:00' },
    })
  })
})

describe('isValidTimeZone', () => {
  it('accepts IANA names and rejects the rest', () => {
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true)
    expect(isValidTimeZone('Etc/GMT+5')).toBe(true)
    expect(isValidTimeZone('UTC')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(isValidTimeZone("UTC'; select 1")).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })
})

describe('chooseBucketUnit', () => {
  const hours = (count: number) => count * 60 * 60 * 1000

  it('picks minute, hour or day by length', () => {
    expect(chooseBucketUnit(hours(6))).toBe('minute')
    expect(chooseBucketUnit(hours(6) + 1)).toBe('hour')
    expect(chooseBucketUnit(hours(7 * 24 + 1))).toBe('hour')
    expect(chooseBucketUnit(hours(8 * 24))).toBe('day')
  })
})
