/** One code's part of a campaign's combined count. */
export interface CodeShare {
  count: number
  /** Whole percent of the combined count, 0 to 100. Every code has 0 while the total is 0. */
  percent: number
  /** The percentage as text: "<1%" for a count above 0 that rounds to 0, so it never reads as none. */
  percentText: string
}

/** Computes the combined count and each count's share of it. Rounded shares may not add up to exactly 100. */
export function computeShares(counts: readonly number[]): { total: number; shares: CodeShare[] } {
  const total = counts.reduce((sum, count) => sum + count, 0)
  const shares = counts.map((count) => {
    const percent = total > 0 ? Math.round((count / total) * 100) : 0
    const percentText = count > 0 && percent === 0 ? '<1%' : `${percent}%`
    return { count, percent, percentText }
  })
  return { total, shares }
}
