import { describe, expect, it } from 'vitest'

import { passwordMatches } from '@/lib/auth/password'
import { signSessionToken, verifySessionToken } from '@/lib/auth/session-token'

const SECRET = 'unit-test-session-secret-0123456789abcdef'

describe('session tokens', () => {
  it('verify with the secret that signed them', async () => {
    expect(await verifySessionToken(SECRET, await signSessionToken(SECRET))).toBe(true)
  })

  it('fail with another secret', async () => {
    const token = await signSessionToken('another-secret-0123456789abcdef0123456789')
    expect(await verifySessionToken(SECRET, token)).toBe(false)
  })

  it('fail once expired', async () => {
    const token = await signSessionToken(SECRET, 1)
    await new Promise((resolve) => setTimeout(resolve, 2100))
    expect(await verifySessionToken(SECRET, token)).toBe(false)
  })

  it.each([undefined, '', 'not-a-jwt', 'a.b.c'])('fail for %j', async (token) => {
    expect(await verifySessionToken(SECRET, token)).toBe(false)
  })

  it('fail when the payload was edited', async () => {
    const [header, , signature] = (await signSessionToken(SECRET)).split('.')
    const payload = Buffer.from(JSON.stringify({ role: 'admin', exp: 4_000_000_000 })).toString('base64url')
    expect(await verifySessionToken(SECRET, `${header}.${payload}.${signature}`)).toBe(false)
  })
})

describe('passwordMatches', () => {
  it('accepts the same password', () => {
    expect(passwordMatches('correct horse battery', 'correct horse battery')).toBe(true)
  })

  it.each(['', 'correct horse', 'correct horse battery ', 'Correct horse battery'])('rejects %j', (candidate) => {
    expect(passwordMatches(candidate, 'correct horse battery')).toBe(false)
  })
})
