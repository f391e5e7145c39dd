import { describe, expect, it } from 'vitest'

import type { ExportScanRow } from '@/lib/db/analytics'
import { parseAgentParts, referrerHost, summariseUserAgents, topEntries } from '@/lib/scans/breakdowns'
import { exportCells, exportHeader, formatUtcOffset } from '@/lib/scans/scan-export'

const ROW: ExportScanRow = {
  id: 1,
  utc: '2026-11-01T09:30:00.000Z',
  local: '2026-11-01T01:30:00',
  offset_minutes: -480,
  label: 'human',
  counted: true,
  user_agent: null,
  country: 'US',
  referrer: '@cmd',
  ip: '192.0.2.1',
}

describe('scan export cells', () => {
  it('adds the zone offset to local time', () => {
    expect(formatUtcOffset(-480)).toBe('-08:00')
    expect(formatUtcOffset(330)).toBe('+05:30')
    expect(formatUtcOffset(0)).toBe('+00:00')
    expect(exportCells(ROW, parseAgentParts(null), false)[1]).toBe('2026-11-01T01:30:00-08:00')
  })

  it('adds the IP column only when asked', () => {
    expect(exportHeader('UTC', false)).toHaveLength(9)
    expect(exportHeader('UTC', true).at(-1)).toBe('IP address')
    expect(exportCells(ROW, parseAgentParts(null), true).at(-1)).toBe('192.0.2.1')
  })
})

describe('breakdowns', () => {
  it('parses each agent and sums counts', () => {
    const android = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36'
    const summary = summariseUserAgents([
      { value: android, count: 3 },
      { value: null, count: 2 },
    ])
    expect(summary.browsers).toEqual([
      { name: 'Chrome', count: 3 },
      { name: 'Unknown', count: 2 },
    ])
    expect(summary.operatingSystems[0]).toEqual({ name: 'Android', count: 3 })
    expect(summary.devices[0]).toEqual({ name: 'mobile', count: 3 })
  })

  it('reads referrer hosts', () => {
    expect(referrerHost('https://Example.COM:8443/path')).toBe('example.com:8443')
    expect(referrerHost(null)).toBe('None (direct)')
    expect(referrerHost('nonsense')).toBe('Not a URL')
  })

  it('sums the tail into Other', () => {
    const totals = new Map(Array.from({ length: 15 }, (_, index) => [`host${index}`, 100 - index] as [string, number]))
    const entries = topEntries(totals)
    expect(entries).toHaveLength(10)
    expect(entries.at(-1)).toEqual({ name: 'Other', count: [91, 90, 89, 88, 87, 86].reduce((a, b) => a + b) })
    expect(entries.reduce((sum, entry) => sum + entry.count, 0)).toBe([...totals.values()].reduce((a, b) => a + b))
  })
})
