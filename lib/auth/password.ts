import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Compares a password with the expected one in constant time. Both are hashed first, so the
 * comparison takes the same time whatever their lengths.
 */
export function passwordMatches(candidate: string, expected: string): boolean {
  const candidateDigest = createHash('sha256').update(candidate, 'utf8').digest()
  const expectedDigest = createHash('sha256').update(expected, 'utf8').digest()
  return timingSafeEqual(candidateDigest, expectedDigest)
}
