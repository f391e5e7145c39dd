import { describe, expect, it } from 'vitest'

import { describeUserAgent } from '@/lib/scans/user-agent'

describe('describeUserAgent', () => {
  it('names browser, system and device type of a phone', () => {
    const iphone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
    expect(describeUserAgent(iphone)).toBe('Mobile Safari 17 on iOS 17.4 (mobile)')
  })

  it('handles a missing user agent', () => {
    expect(describeUserAgent(null)).toBe('Unknown browser')
  })

  it('handles an unknown user agent', () => {
    expect(describeUserAgent('curl/8.5.0')).toBe('Unknown browser')
  })
})
