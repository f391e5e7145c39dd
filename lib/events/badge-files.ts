// File names for the badge ZIP: one PNG per attendee, named after them, that unpacks on
// Windows, macOS and Linux alike.

/** Maximum length of a file name's stem in UTF-8 bytes. With " (9999).png" added it stays under 255, the limit of ext4 and APFS. */
export const MAX_FILE_STEM_BYTES = 200

const FALLBACK_STEM = 'attendee'

// Characters that Windows rejects in file names (and `/`, which every system rejects), plus C0
// and C1 control characters.
const UNSAFE_CHARACTERS = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f]/g
// Windows reserves these device names, with or without an extension.
const RESERVED_WINDOWS_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i

/**
 * Turns a person's name into a file name stem. Whitespace runs (tabs included) become one
 * space, other unsafe characters and leading dots (hidden files) become `_`, and trailing
 * dots and spaces are dropped because Windows drops them itself. The result is cut to
 * MAX_FILE_STEM_BYTES at a character boundary, or is "attendee" when nothing usable is left.
 */
export function toFileStem(name: string): string {
  let stem = name
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(UNSAFE_CHARACTERS, '_')
    .trim()
    .replace(/^\.+/, (dots) => '_'.repeat(dots.length))

  stem = truncateUtf8(stem, MAX_FILE_STEM_BYTES).replace(/[. ]+$/, '')
  if (RESERVED_WINDOWS_NAMES.test(stem)) stem = `${stem}_`
  return stem === '' ? FALLBACK_STEM : stem
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes without splitting a code point. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text
  let bytes = 0
  let end = 0
  for (const character of text) {
    const size = Buffer.byteLength(character)
    if (bytes + size > maxBytes) break
    bytes += size
    end += character.length
  }
  return text.slice(0, end)
}

/**
 * Returns a function that names files after people, adding " (2)", " (3)"… to repeated names.
 * Names are compared ignoring case, because NTFS and APFS do by default, so "ada lovelace.png"
 * and "Ada Lovelace.png" would overwrite each other when unpacked there.
 */
export function createBadgeFileNamer(extension: string): (name: string) => string {
  const usedNames = new Set<string>()
  // The next suffix to try per stem, so that 5,000 equal names need no quadratic search.
  const nextSuffix = new Map<string, number>()

  return (name) => {
    const stem = toFileStem(name)
    const key = stem.toLowerCase()
    let candidate = `${stem}${extension}`
    let suffix = nextSuffix.get(key) ?? 2

    // A suffixed name can collide with a person literally named "Ada Lovelace (2)", so keep going.
    while (usedNames.has(candidate.toLowerCase())) {
      candidate = `${stem} (${suffix})${extension}`
      suffix += 1
    }
    nextSuffix.set(key, suffix)
    usedNames.add(candidate.toLowerCase())
    return candidate
  }
}

/**
 * Builds a Content-Disposition header for a download: an ASCII `filename` for old clients and
 * the exact UTF-8 name in `filename*` (RFC 6266 and RFC 8187).
 */
export function attachmentDisposition(fileName: string): string {
  const asciiName = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`
}

/** Names the badge ZIP after the event: "<event>-badges.zip". */
export function badgeZipFileName(eventName: string): string {
  return `${toFileStem(eventName)}-badges.zip`
}
