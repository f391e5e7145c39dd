import { describe, expect, it } from 'vitest'

import {
  MAX_FILE_STEM_BYTES,
  attachmentDisposition,
  badgeZipFileName,
  createBadgeFileNamer,
  toFileStem,
  truncateUtf8,
} from '@/lib/events/badge-files'

describe('toFileStem', () => {
  it.each([
    ['Ada Lovelace', 'Ada Lovelace'],
    ['  Ada   Lovelace \t', 'Ada Lovelace'],
    ['AC/DC', 'AC_DC'],
    ['back\\slash', 'back_slash'],
    ['a:b*c?d"e<f>g|h', 'a_b_c_d_e_f_g_h'],
    ['bell\u0007name', 'bell_name'],
    ['c1\u0085control', 'c1_control'],
    ['.hidden', '_hidden'],
    ['...dots', '___dots'],
    ['trailing dot.', 'trailing dot'],
    ['José Ñúñez', 'José Ñúñez'],
    ['李小龍', '李小龍'],
    ['CON', 'CON_'],
    ['lpt1', 'lpt1_'],
    ['', 'attendee'],
    ['...', '___'],
    ['   ', 'attendee'],
  ])('turns %j into %j', (name, expected) => {
    expect(toFileStem(name)).toBe(expected)
  })

  it('composes decomposed accents into one character', () => {
    expect(toFileStem('Jose\u0301')).toBe('Jos\u00e9')
  })

  it('caps long names in UTF-8 bytes', () => {
    const stem = toFileStem('é'.repeat(300))

    expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(MAX_FILE_STEM_BYTES)
    expect(stem).toBe('é'.repeat(MAX_FILE_STEM_BYTES / 2))
  })
})

describe('truncateUtf8', () => {
  it('keeps text that fits', () => {
    expect(truncateUtf8('Ada', 3)).toBe('Ada')
  })

  it('never splits a surrogate pair', () => {
    // Each emoji is 4 UTF-8 bytes and 2 UTF-16 code units.
    expect(truncateUtf8('😀😀😀', 7)).toBe('😀')
  })

  it('never splits a multi-byte character', () => {
    expect(truncateUtf8('aé', 2)).toBe('a')
  })
})

describe('createBadgeFileNamer', () => {
  it('numbers repeated names from 2', () => {
    const name = createBadgeFileNamer('.png')

    expect(name('Ada Lovelace')).toBe('Ada Lovelace.png')
    expect(name('Ada Lovelace')).toBe('Ada Lovelace (2).png')
    expect(name('Ada Lovelace')).toBe('Ada Lovelace (3).png')
  })

  it('treats names differing only in case as repeats', () => {
    const name = createBadgeFileNamer('.png')

    expect(name('Ada Lovelace')).toBe('Ada Lovelace.png')
    expect(name('ada lovelace')).toBe('ada lovelace (2).png')
  })

  it('treats names equal after cleaning as repeats', () => {
    const name = createBadgeFileNamer('.png')

    expect(name('AC/DC')).toBe('AC_DC.png')
    expect(name('AC:DC')).toBe('AC_DC (2).png')
  })

  it('skips a suffix that a real name already uses', () => {
    const name = createBadgeFileNamer('.png')

    expect(name('Ada Lovelace (2)')).toBe('Ada Lovelace (2).png')
    expect(name('Ada Lovelace')).toBe('Ada Lovelace.png')
    expect(name('Ada Lovelace')).toBe('Ada Lovelace (3).png')
  })

  it('gives 5,000 equal names 5,000 distinct files', () => {
    const name = createBadgeFileNamer('.png')
    const names = Array.from({ length: 5000 }, () => name('Sam'))

    expect(new Set(names).size).toBe(5000)
    expect(names.at(-1)).toBe('Sam (5000).png')
  })
})

describe('attachmentDisposition', () => {
  it('passes an ASCII name through', () => {
    expect(attachmentDisposition('Launch-badges.zip')).toBe(`attachment; filename="Launch-badges.zip"; filename*=UTF-8''Launch-badges.zip`)
  })

  it('encodes a non-ASCII name in filename*', () => {
    const header = attachmentDisposition('Café (1)-badges.zip')

    expect(header).toContain('filename="Cafe (1)-badges.zip"')
    expect(header).toContain(`filename*=UTF-8''Caf%C3%A9%20%281%29-badges.zip`)
  })

  it('replaces characters with no ASCII form', () => {
    expect(attachmentDisposition('会议-badges.zip')).toContain('filename="__-badges.zip"')
  })
})

describe('badgeZipFileName', () => {
  it('names the ZIP after the event', () => {
    expect(badgeZipFileName('Spring Launch')).toBe('Spring Launch-badges.zip')
  })

  it('cleans an event name with a slash', () => {
    expect(badgeZipFileName('Q1/Q2 review')).toBe('Q1_Q2 review-badges.zip')
  })
})
