import { describe, expect, it } from 'vitest'

import type { RecordedScan } from '@/lib/db/scans'
import { responseForScan } from '@/lib/scans/scan-response'

const base: RecordedScan = {
  codeId: '00000000-0000-4000-8000-000000000001',
  kind: 'url',
  destination: 'https://example.com/offer',
  message: null,
  scanCount: 1,
  status: 'counted',
  fallbackUrl: null,
}

describe('responseForScan', () => {
  it('redirects a counted or uncounted hit to the destination', () => {
    for (const status of ['counted', 'uncounted'] as const) {
      const response = responseForScan({ ...base, status }, 'abc2def')
      expect(response.status).toBe(302)
      expect(response.headers.get('location')).toBe('https://example.com/offer')
    }
  })

  it.each([
    ['javascript:alert(1)'],
    ['data:text/html,hi'],
    ['not a url'],
  ])('refuses to redirect to a stored %s and shows an error page', (destination) => {
    const response = responseForScan({ ...base, destination }, 'abc2def')
    expect(response.status).toBe(502)
    expect(response.headers.get('location')).toBeNull()
  })

  it('answers paused with 200, expired and exhausted with 410, or redirects to the fallback', () => {
    expect(responseForScan({ ...base, status: 'paused' }, 'abc2def').status).toBe(200)
    expect(responseForScan({ ...base, status: 'expired' }, 'abc2def').status).toBe(410)
    expect(responseForScan({ ...base, status: 'exhausted' }, 'abc2def').status).toBe(410)
    const fallback = responseForScan({ ...base, status: 'expired', fallbackUrl: 'https://example.com/next' }, 'abc2def')
    expect(fallback.status).toBe(302)
    expect(fallback.headers.get('location')).toBe('https://example.com/next')
    const unsafeFallback = responseForScan({ ...base, status: 'expired', fallbackUrl: 'javascript:alert(1)' }, 'abc2def')
    expect(unsafeFallback.status).toBe(410)
  })
})

describe('responseForScan with a loop', () => {
  it.each(['http://127.0.0.1:3000/S/ABC2DEF', 'http://localhost:3000/s/abc2def', 'http://[::1]:3000/s/abc2def'])(
    'refuses to redirect to its own short link %s',
    (destination) => {
      const response = responseForScan({ ...base, destination }, 'abc2def', 'localhost:3000')
      expect(response.status).toBe(508)
    },
  )

  it('redirects to the same path on another host or port', () => {
    expect(responseForScan({ ...base, destination: 'http://localhost:3001/s/abc2def' }, 'abc2def', 'localhost:3000').status).toBe(302)
    expect(responseForScan({ ...base, destination: 'https://other.example/s/abc2def' }, 'abc2def', 'localhost:3000').status).toBe(302)
  })
})
