/**
 * Returns the key that rate limits count a client under: the right-most X-Forwarded-For entry,
 * the one the nearest proxy appended. Without a proxy in front a client can set it, so every
 * limit keyed by it also has an overall limit.
 */
export function clientKey(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown'
}
