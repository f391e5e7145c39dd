import { describe, expect, it } from 'vitest'

import { forbiddenAddressReason, resolveSafeAddress, type Resolver } from '@/lib/webhooks/address-check'

const STRICT = { requireHttps: true, allowLoopback: false }
const LOCAL_DEVELOPMENT = { requireHttps: false, allowLoopback: true }

/** Creates a resolver that returns fixed addresses without querying DNS. */
function stubResolver(answers: Record<string, string[]>): Resolver {
  return async (hostname) => {
    const addresses = answers[hostname]
    if (!addresses) throw new Error(`ENOTFOUND ${hostname}`)
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
  }
}

describe('forbiddenAddressReason', () => {
  it.each([
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['169.254.10.10', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['fc00::1', 'uniqueLocal'],
    ['255.255.255.255', 'broadcast'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:a00:1::1', '6to4'],
  ])('rejects %s (%s)', (address, range) => {
    expect(forbiddenAddressReason(address, STRICT)).toContain(range)
  })

  it.each(['169.254.169.254', 'fd00:ec2::254', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe'])('rejects metadata address %s', (address) => {
    expect(forbiddenAddressReason(address, LOCAL_DEVELOPMENT)).toMatch(/metadata/)
  })

  it.each(['::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:192.168.0.1'])('rejects IPv4-mapped %s', (address) => {
    expect(forbiddenAddressReason(address, STRICT)).not.toBeNull()
  })

  it.each(['93.184.215.14', '2606:4700:4700::1111', '::ffff:93.184.215.14'])('accepts public %s', (address) => {
    expect(forbiddenAddressReason(address, STRICT)).toBeNull()
  })

  it('accepts loopback only when allowed', () => {
    expect(forbiddenAddressReason('127.0.0.1', LOCAL_DEVELOPMENT)).toBeNull()
    expect(forbiddenAddressReason('::1', LOCAL_DEVELOPMENT)).toBeNull()
    expect(forbiddenAddressReason('10.0.0.1', LOCAL_DEVELOPMENT)).toMatch(/private/)
  })
})

describe('resolveSafeAddress', () => {
  const resolver = stubResolver({
    'hooks.example': ['93.184.215.14'],
    'internal.example': ['10.0.0.7'],
    'mixed.example': ['93.184.215.14', '192.168.0.2'],
    'metadata.example': ['169.254.169.254'],
    'mapped.example': ['::ffff:127.0.0.1'],
    'v6-metadata.example': ['fd00:ec2::254'],
    'localhost.example': ['127.0.0.1'],
  })

  it('returns the checked address of a public host', async () => {
    const { address } = await resolveSafeAddress('https://hooks.example/in', STRICT, resolver)
    expect(address).toEqual({ address: '93.184.215.14', family: 4 })
  })

  it.each(['internal.example', 'mixed.example', 'metadata.example', 'mapped.example', 'v6-metadata.example', 'localhost.example'])(
    'rejects a host resolving to a forbidden address (%s)',
    async (host) => {
      await expect(resolveSafeAddress(`https://${host}/in`, STRICT, resolver)).rejects.toThrow(/forbidden address/)
    },
  )

  it.each(['https://169.254.169.254/latest', 'https://[fd00:ec2::254]/', 'https://[::ffff:169.254.169.254]/', 'https://10.0.0.1/', 'https://[::1]/'])(
    'rejects the literal address in %s',
    async (url) => {
      await expect(resolveSafeAddress(url, STRICT, resolver)).rejects.toThrow(/forbidden address/)
    },
  )

  it('rejects http in production', async () => {
    await expect(resolveSafeAddress('http://hooks.example/in', STRICT, resolver)).rejects.toThrow(/https in production/)
  })

  it('rejects other schemes and credentials', async () => {
    await expect(resolveSafeAddress('ftp://hooks.example/in', STRICT, resolver)).rejects.toThrow(/https/)
    await expect(resolveSafeAddress('https://user:pass@hooks.example/in', STRICT, resolver)).rejects.toThrow(/user name or password/)
  })

  it('accepts a loopback receiver when allowed', async () => {
    const { address } = await resolveSafeAddress('http://localhost.example:8080/in', LOCAL_DEVELOPMENT, resolver)
    expect(address.address).toBe('127.0.0.1')
  })

  it('reports an unresolvable host', async () => {
    await expect(resolveSafeAddress('https://missing.example/', STRICT, resolver)).rejects.toThrow(/could not resolve missing.example/)
  })
})

describe('loopback allowed in production', () => {
  const PRODUCTION_WITH_LOOPBACK = { requireHttps: true, allowLoopback: true }
  const resolver = stubResolver({ 'hooks.example': ['93.184.216.34'], 'receiver.localhost': ['127.0.0.1'] })

  it('accepts plain http to a loopback receiver only', async () => {
    await expect(resolveSafeAddress('http://127.0.0.1:4000/in', PRODUCTION_WITH_LOOPBACK, resolver)).resolves.toMatchObject({
      address: { address: '127.0.0.1' },
    })
    await expect(resolveSafeAddress('http://receiver.localhost/in', PRODUCTION_WITH_LOOPBACK, resolver)).resolves.toBeDefined()
  })

  it('still requires https for any other address', async () => {
    await expect(resolveSafeAddress('http://hooks.example/in', PRODUCTION_WITH_LOOPBACK, resolver)).rejects.toThrow(/https in production/)
    await expect(resolveSafeAddress('http://10.0.0.5/in', PRODUCTION_WITH_LOOPBACK, resolver)).rejects.toThrow(/https in production/)
    await expect(resolveSafeAddress('https://10.0.0.5/in', PRODUCTION_WITH_LOOPBACK, resolver)).rejects.toThrow(/forbidden address/)
  })
})
