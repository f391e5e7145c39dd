import { createHmac, randomBytes } from 'node:crypto'
import { isIP } from 'node:net'

export type ClientIpSource = 'vercel' | 'proxy' | 'none'

/**
 * Returns the client address from the one header the deployment trusts, or null. The client can
 * send any header itself, so the source is configured, never guessed: `vercel` reads
 * x-vercel-forwarded-for, which Vercel's edge overwrites; `proxy` reads the right-most
 * X-Forwarded-For hop, which the proxy in front of the app appends; `none` reads nothing.
 */
export function clientAddress(headers: Headers, source: ClientIpSource): string | null {
  let candidate: string | undefined
  if (source === 'vercel') candidate = headers.get('x-vercel-forwarded-for')?.split(',')[0]
  else if (source === 'proxy') candidate = headers.get('x-forwarded-for')?.split(',').at(-1)
  const address = candidate?.trim().replace(/^::ffff:(?=\d+\.)/, '')
  return address && isIP(address) ? address : null
}

/** Cuts an address to its network: /24 for IPv4, /48 for IPv6. */
export function anonymizeAddress(address: string): string {
  if (isIP(address) === 4) return address.split('.').slice(0, 3).concat('0').join('.')
  const groups = expandIpv6(address)
  return `${groups.slice(0, 3).join(':')}::`
}

function expandIpv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = address.includes('::') && tail ? tail.split(':') : []
  const missing = 8 - left.length - right.length
  return [...left, ...Array.from({ length: Math.max(0, missing) }, () => '0'), ...right].map((group) => group.toLowerCase() || '0')
}

// Without a configured secret, a random one lives as long as the process: uniques then restart
// with the server, which is acceptable on a laptop.
const processSecret = randomBytes(32).toString('hex')

/**
 * Returns the day's salted hash of an address and a user agent, for counting unique scanners.
 * The salt is derived from the secret and the UTC date, so it changes every day and is never
 * stored: one person is one visitor within a day, and hashes of different days cannot be joined.
 */
export function visitorHash(address: string, userAgent: string, secret: string | undefined, now = new Date()): string {
  const salt = createHmac('sha256', secret ?? processSecret).update(`visitor-salt:${now.toISOString().slice(0, 10)}`).digest()
  return createHmac('sha256', salt).update(`${address}\n${userAgent}`).digest('hex').slice(0, 32)
}
