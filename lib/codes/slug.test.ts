import { describe, expect, it } from 'vitest'

import { generateSlug, normalizeSlug, SLUG_ALPHABET, SLUG_LENGTH } from '@/lib/codes/slug'

describe('generateSlug', () => {
  it('returns 7 characters from the alphabet', () => {
    for (let i = 0; i < 1000; i++) {
      const slug = generateSlug()
      expect(slug).toHaveLength(SLUG_LENGTH)
      for (const character of slug) expect(SLUG_ALPHABET).toContain(character)
    }
  })

  it('leaves out look-alike characters', () => {
    for (const lookAlike of ['0', '1', 'i', 'l', 'o']) expect(SLUG_ALPHABET).not.toContain(lookAlike)
  })

  it('uses every character of the alphabet', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 2000; i++) for (const character of generateSlug()) seen.add(character)
    expect(seen.size).toBe(SLUG_ALPHABET.length)
  })

  it('does not repeat in 10,000 draws', () => {
    const slugs = new Set(Array.from({ length: 10_000 }, generateSlug))
    expect(slugs.size).toBe(10_000)
  })
})

describe('normalizeSlug', () => {
  it('lower-cases a valid slug', () => {
    expect(normalizeSlug('AB2CD3E')).toBe('ab2cd3e')
  })

  it.each(['', 'abc', 'ab2cd3ef', 'ab0cd3e', 'abcd-ef', 'abc%20ef', '../../x'])('rejects %j', (value) => {
    expect(normalizeSlug(value)).toBeNull()
  })
})
