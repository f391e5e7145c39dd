import { customAlphabet } from 'nanoid'

/**
 * Lower-case letters and digits without the look-alikes 0, 1, i, l and o. Upper-cased, every
 * character is in the QR alphanumeric set, and a slug reads back the same in either case.
 */
export const SLUG_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'
export const SLUG_LENGTH = 7

const SLUG_PATTERN = new RegExp(`^[${SLUG_ALPHABET}]{${SLUG_LENGTH}}$`)

/** Generates a slug from crypto.getRandomValues (nanoid), with no bias between characters. */
export const generateSlug: () => string = customAlphabet(SLUG_ALPHABET, SLUG_LENGTH)

/** Returns the slug in its stored (lower-case) form, or null when it cannot be a slug. */
export function normalizeSlug(value: string): string | null {
  const slug = value.toLowerCase()
  return SLUG_PATTERN.test(slug) ? slug : null
}
