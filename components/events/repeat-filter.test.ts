import { describe, expect, it } from 'vitest'

import { RepeatFilter } from '@/components/events/repeat-filter'

describe('RepeatFilter', () => {
  it('ignores the same text inside the window', () => {
    const filter = new RepeatFilter(4000)
    filter.remember('A', 1000)
    expect(filter.isRecent('A', 1000)).toBe(true)
    expect(filter.isRecent('A', 4999)).toBe(true)
  })

  it('lets the same text through after the window', () => {
    const filter = new RepeatFilter(4000)
    filter.remember('A', 1000)
    expect(filter.isRecent('A', 5000)).toBe(false)
  })

  it('lets a different text through at once', () => {
    const filter = new RepeatFilter(4000)
    filter.remember('A', 1000)
    expect(filter.isRecent('B', 1001)).toBe(false)
  })

  it('restarts the window when a text is remembered again', () => {
    const filter = new RepeatFilter(4000)
    filter.remember('A', 1000)
    filter.remember('A', 6000)
    expect(filter.isRecent('A', 9000)).toBe(true)
  })
})
