import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'

import { SESSION_COOKIE } from '@/lib/auth/session-token'

import { TEST_ADMIN_PASSWORD, TEST_SESSION_SECRET } from '../support/credentials'
import { adminRequest, baseUrl, createCode, request, sessionCookie } from './helpers'

function signInRequest(password: string, clientAddress = '192.0.2.10') {
  return request('/api/session', {
    method: 'POST',
    // A separate X-Forwarded-For per test keeps the sign-in rate limit of one test from another.
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': clientAddress },
    body: JSON.stringify({ password }),
  })
}

async function tokenSignedWith(secret: string, expiresAt: number) {
  return new SignJWT({ role: 'admin' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('scanboard')
    .setAudience('scanboard-admin')
    .setIssuedAt(expiresAt - 3600)
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(secret))
}

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie for the right password', async () => {
    const response = await signInRequest(TEST_ADMIN_PASSWORD, '192.0.2.11')

    expect(response.status).toBe(204)
    const setCookie = response.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`))
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=lax/i)
    // Plain http, as this test server is: a Secure cookie would never be sent back.
    expect(setCookie).not.toMatch(/Secure/i)
  })

  it('marks the cookie Secure behind an https proxy', async () => {
    const response = await request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '192.0.2.14', 'X-Forwarded-Proto': 'https' },
      body: JSON.stringify({ password: TEST_ADMIN_PASSWORD }),
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('set-cookie')).toMatch(/Secure/i)
  })

  it('rejects a wrong password with 401', async () => {
    const response = await signInRequest('not-the-password', '192.0.2.12')
    expect(response.status).toBe(401)
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('rate-limits repeated attempts with 429', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await signInRequest('wrong', '192.0.2.13')).status)

    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    expect(statuses[5]).toBe(429)
    const blocked = await signInRequest(TEST_ADMIN_PASSWORD, '192.0.2.13')
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('clears the cookie on sign-out', async () => {
    const response = await adminRequest('/api/session', { method: 'DELETE' })
    expect(response.status).toBe(204)
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;`))
  })
})

describe('admin pages', () => {
  it.each(['/', '/codes/00000000-0000-4000-8000-000000000000', '/settings'])('send a signed-out visitor from %s to sign-in', async (path) => {
    const response = await request(path)
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(path)}`)
  })

  it('send a forged cookie to sign-in', async () => {
    const forged = await tokenSignedWith('a-different-secret-of-at-least-32-characters', Math.floor(Date.now() / 1000) + 3600)
    const response = await request('/', { headers: { cookie: `${SESSION_COOKIE}=${forged}` } })
    expect(response.status).toBe(307)
  })

  it('send an expired cookie to sign-in', async () => {
    const expired = await tokenSignedWith(TEST_SESSION_SECRET, Math.floor(Date.now() / 1000) - 60)
    const response = await request('/', { headers: { cookie: `${SESSION_COOKIE}=${expired}` } })
    expect(response.status).toBe(307)
  })

  it('open with a valid session', async () => {
    const response = await adminRequest('/')
    expect(response.status).toBe(200)
  })
})

describe('server actions', () => {
  it('answer 403 to a create call without a session', async () => {
    // The page carries the create action's id for browsers without JavaScript. Calling it the
    // way Next's client does, without the session cookie, is what an attacker could do.
    const page = await (await adminRequest('/')).text()
    const reference = /name="\$ACTION_\d+:0" value="([^"]+)"/.exec(page)?.[1]
    expect(reference).toBeDefined()
    const { id } = JSON.parse(reference!.replaceAll('&quot;', '"')) as { id: string }

    const form = new FormData()
    form.set('0', JSON.stringify([{ status: 'idle', submission: 0 }, '$K1']))
    form.set('1_kind', 'url')
    form.set('1_destination', 'https://example.com/sneaky')
    const response = await request('/', {
      method: 'POST',
      headers: { 'Next-Action': id, Origin: baseUrl() },
      body: form,
    })

    expect(response.status).toBe(403)
    const list = (await (await adminRequest('/api/codes?pageSize=100')).json()) as { codes: { destination?: string }[] }
    expect(list.codes.some((code) => code.destination === 'https://example.com/sneaky')).toBe(false)
  })

  it('create a code with a session through the same fields', async () => {
    const page = await (await adminRequest('/')).text()
    const form = new FormData()
    for (const match of page.matchAll(/<input type="hidden" name="(\$ACTION_(?:REF_\d+|\d+:\d+|KEY))"(?: value="([^"]*)")?/g)) {
      form.set(match[1]!, (match[2] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&'))
    }
    form.set('kind', 'url')
    form.set('destination', 'https://example.com/with-session')

    const response = await adminRequest('/', { method: 'POST', body: form })

    expect(response.status).toBe(200)
    const list = (await (await adminRequest('/api/codes?pageSize=100')).json()) as { codes: { destination?: string }[] }
    expect(list.codes.some((code) => code.destination === 'https://example.com/with-session')).toBe(true)
  })
})

describe('JSON API', () => {
  it('rejects a request without credentials with 401', async () => {
    const response = await request('/api/codes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'url', destination: 'https://example.com/' }),
    })
    expect(response.status).toBe(401)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
  })

  it('accepts an API key until it is revoked', async () => {
    const created = await adminRequest('/api/keys', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Test integration' }),
    })
    expect(created.status).toBe(201)
    const { key, apiKey } = (await created.json()) as { key: string; apiKey: { id: string; keyPrefix: string } }
    expect(key.startsWith(apiKey.keyPrefix)).toBe(true)

    const withKey = (init: RequestInit = {}) =>
      request('/api/codes', { ...init, headers: { ...init.headers, Authorization: `Bearer ${key}` } })
    expect((await withKey()).status).toBe(200)
    const posted = await withKey({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'message', message: 'from a script' }),
    })
    expect(posted.status).toBe(201)

    const listed = (await (await adminRequest('/api/keys')).json()) as { keys: Record<string, unknown>[] }
    expect(JSON.stringify(listed)).not.toContain(key)

    expect((await adminRequest(`/api/keys/${apiKey.id}`, { method: 'DELETE' })).status).toBe(200)
    expect((await withKey()).status).toBe(401)
  })

  it('rejects an unknown API key with 401', async () => {
    const response = await request('/api/codes', { headers: { Authorization: 'Bearer sbk_not-a-real-key' } })
    expect(response.status).toBe(401)
  })

  it('does not let an API key manage keys', async () => {
    const response = await request('/api/keys', { headers: { cookie: 'none=1' } })
    expect(response.status).toBe(401)
  })
})

describe('projector share link', () => {
  it('opens without signing in, while /live/{id} needs a session', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/share', title: 'Shared count' })
    const details = await (await adminRequest(`/codes/${code.id}`)).text()
    const shareUrl = /data-testid="share-link"[^>]*>([^<]+)</.exec(details)?.[1] ?? /href="([^"]+\/p\/[0-9a-f]{32})"/.exec(details)?.[1]
    expect(shareUrl).toMatch(/\/p\/[0-9a-f]{32}$/)

    const shared = await request(new URL(shareUrl!).pathname)
    expect(shared.status).toBe(200)
    expect(await shared.text()).toContain('Shared count')

    const live = await request(`/live/${code.id}`)
    expect(live.status).toBe(307)
  })

  it('stops working once replaced, while the new link works', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/rotate', title: 'Rotating count' })
    const shareLinkOf = async () => {
      const html = await (await adminRequest(`/codes/${code.id}`)).text()
      return { html, path: /\/p\/[0-9a-f]{32}/.exec(html)![0] }
    }
    const before = await shareLinkOf()

    // The "Replace link" form posts the code id to its server action, as a browser without JavaScript would.
    const rotateForm = new RegExp(`<form[^>]*>(?:(?!</form>).)*?value="${code.id}"(?:(?!</form>).)*?</form>`, 's').exec(before.html)![0]
    const actionField = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(rotateForm)![1]!
    const form = new FormData()
    form.set(actionField, '')
    form.set('id', code.id)
    const rotated = await adminRequest(`/codes/${code.id}`, { method: 'POST', body: form, headers: { Origin: baseUrl() } })
    expect(rotated.status).toBeLessThan(400)

    const after = await shareLinkOf()
    expect(after.path).not.toBe(before.path)
    expect((await request(before.path)).status).toBe(404)
    expect((await request(after.path)).status).toBe(200)
  })

  it('returns 404 for an unknown token', async () => {
    const response = await request(`/p/${'0'.repeat(32)}`)
    expect(response.status).toBe(404)
  })
})

describe('public routes', () => {
  it('count a scan without signing in', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/public' })
    const response = await request(`/s/${code.slug}`)
    expect(response.status).toBe(302)
    expect(baseUrl()).toMatch(/^http:\/\/127\.0\.0\.1:/)
    expect(await sessionCookie()).toContain(SESSION_COOKIE)
  })
})
