import { describe, expect, it } from 'vitest'

import { anonymizeAddress, clientAddress, visitorHash } from '@/lib/scans/client-address'

describe('clientAddress', () => {
  it('ignores a spoofed X-Forwarded-For unless a proxy is configured, and then takes the hop it appended', () => {
    const headers = new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' })
    expect(clientAddress(headers, 'none')).toBeNull()
    expect(clientAddress(headers, 'vercel')).toBeNull()
    expect(clientAddress(headers, 'proxy')).toBe('203.0.113.9')
  })

  it('reads the Vercel header, not X-Forwarded-For, on Vercel', () => {
    const headers = new Headers({ 'x-forwarded-for': '6.6.6.6', 'x-vercel-forwarded-for': '198.51.100.7' })
    expect(clientAddress(headers, 'vercel')).toBe('198.51.100.7')
  })

  it('returns null for something that is not an address', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': 'unknown' }), 'proxy')).toBeNull()
  })
})

describe('anonymizeAddress', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::'],
    ['2001:db8::1', '2001:db8:0::'],
  ])('cuts %s to %s', (address, expected) => {
    expect(anonymizeAddress(address)).toBe(expected)
  })
})

describe('visitorHash', () => {
  const day = new Date('2026-12-04T10:00:00Z')
  const nextDay = new Date('2026-12-05T10:00:00Z')

  it('is stable within a day and changes with the day, the address or the agent', () => {
    const hash = visitorHash('203.0.113.9', 'UA', 'secret'.repeat(8), day)
    expect(visitorHash('203.0.113.9', 'UA', 'secret'.repeat(8), new Date('2026-12-04T23:59:59Z'))).toBe(hash)
    expect(visitorHash('203.0.113.9', 'UA', 'secret'.repeat(8), nextDay)).not.toBe(hash)
    expect(visitorHash('203.0.113.10', 'UA', 'secret'.repeat(8), day)).not.toBe(hash)
    expect(visitorHash('203.0.113.9', 'UA2', 'secret'.repeat(8), day)).not.toBe(hash)
    expect(hash).not.toContain('203')
  })
})
