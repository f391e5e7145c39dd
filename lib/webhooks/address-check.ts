import { lookup as dnsLookup } from 'node:dns/promises'
import net from 'node:net'

import ipaddr from 'ipaddr.js'

export interface ResolvedAddress {
  address: string
  family: 4 | 6
}

/** Resolves a host name to all its addresses; tests pass a stub so no real DNS is asked. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>

export const systemResolver: Resolver = async (hostname) => {
  const results = await dnsLookup(hostname, { all: true, verbatim: true })
  return results.map((result) => ({ address: result.address, family: result.family === 6 ? 6 : 4 }))
}

export interface AddressPolicy {
  /** Only https URLs are accepted (production). */
  requireHttps: boolean
  /** Loopback addresses are accepted (development and tests, never production). */
  allowLoopback: boolean
}

export class UnsafeWebhookUrlError extends Error {
  override name = 'UnsafeWebhookUrlError'
}

/** Cloud metadata services, listed on their own in case a range check ever misses them. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200'])

/**
 * Tells why an address may not receive webhooks, or returns null when it may. Only public unicast
 * addresses pass: ipaddr.js names every special range (private, loopback, link-local, CGNAT,
 * multicast, unspecified, unique local, reserved, and the IPv6 forms that embed an IPv4 address
 * such as NAT64 and 6to4). IPv4-mapped IPv6 addresses are checked as the IPv4 address they carry.
 */
export function forbiddenAddressReason(address: string, policy: Pick<AddressPolicy, 'allowLoopback'>): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`

  // process() turns ::ffff:a.b.c.d into a.b.c.d, so the mapped form gets the IPv4 checks.
  const parsed = ipaddr.process(address.replace(/^\[|\]$/g, ''))
  if (METADATA_ADDRESSES.has(parsed.toString())) return `${address} is a cloud metadata address`

  const range = parsed.range()
  if (range === 'loopback' && policy.allowLoopback) return null
  if (range !== 'unicast') return `${address} is in the ${range} range`
  return null
}

/** Tells whether a URL's host names this machine: localhost, *.localhost, or a loopback address. */
function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  return ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback'
}

/**
 * Checks a webhook URL's form: http(s), https only when the policy requires it, no user name or
 * password. Throws UnsafeWebhookUrlError with the reason.
 */
export function checkUrlForm(url: string, policy: AddressPolicy): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UnsafeWebhookUrlError(`${url} is not a valid URL`)
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new UnsafeWebhookUrlError('the URL must start with https://')
  // With loopback allowed, plain http is accepted for a loopback host; resolveSafeAddress checks
  // again that every address it resolves to is loopback.
  if (policy.requireHttps && parsed.protocol !== 'https:' && !(policy.allowLoopback && isLoopbackHostname(parsed.hostname))) {
    throw new UnsafeWebhookUrlError('the URL must use https in production')
  }
  if (parsed.username || parsed.password) throw new UnsafeWebhookUrlError('the URL must not contain a user name or password')
  return parsed
}

/**
 * Checks a URL and resolves its host, and returns the address to connect to. Every address the
 * host resolves to must be allowed, so a name that resolves to both public and private addresses is rejected.
 * The caller must connect to the returned address, not resolve the name again, or a second
 * answer could point somewhere unchecked (DNS rebinding).
 */
export async function resolveSafeAddress(url: string, policy: AddressPolicy, resolve: Resolver = systemResolver): Promise<{ url: URL; address: ResolvedAddress }> {
  const parsed = checkUrlForm(url, policy)
  const hostname = parsed.hostname.replace(/^\[|\]$/g, '')

  let addresses: ResolvedAddress[]
  if (net.isIP(hostname)) {
    addresses = [{ address: hostname, family: net.isIPv6(hostname) ? 6 : 4 }]
  } else {
    try {
      addresses = await resolve(hostname)
    } catch (error) {
      throw new UnsafeWebhookUrlError(`could not resolve ${hostname}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  if (addresses.length === 0) throw new UnsafeWebhookUrlError(`${hostname} has no addresses`)

  for (const { address } of addresses) {
    const reason = forbiddenAddressReason(address, policy)
    if (reason) throw new UnsafeWebhookUrlError(`${hostname} resolves to a forbidden address: ${reason}`)
  }
  const allLoopback = addresses.every(({ address }) => ipaddr.process(address.replace(/^\[|\]$/g, '')).range() === 'loopback')
  if (policy.requireHttps && parsed.protocol !== 'https:' && !allLoopback) {
    throw new UnsafeWebhookUrlError('the URL must use https in production')
  }
  return { url: parsed, address: addresses[0]! }
}
