import { describe, expect, it } from 'vitest'

import { computeShares } from '@/lib/campaigns/shares'

describe('computeShares', () => {
  it('returns whole percentages of the total', () => {
    const { total, shares } = computeShares([3, 1])
    expect(total).toBe(4)
    expect(shares.map((share) => share.percentText)).toEqual(['75%', '25%'])
    expect(shares.map((share) => share.percent)).toEqual([75, 25])
  })

  it('gives every code 0% while nothing was scanned', () => {
    const { total, shares } = computeShares([0, 0])
    expect(total).toBe(0)
    expect(shares.map((share) => share.percentText)).toEqual(['0%', '0%'])
  })

  it('labels a small non-zero share "<1%"', () => {
    const { shares } = computeShares([1, 999])
    expect(shares[0]).toEqual({ count: 1, percent: 0, percentText: '<1%' })
    expect(shares[1]?.percentText).toBe('100%')
  })

  it('handles a campaign without codes', () => {
    expect(computeShares([])).toEqual({ total: 0, shares: [] })
  })
})
