import { inject } from 'vitest'

import { TEST_ADMIN_PASSWORD } from '../support/credentials'

export const baseUrl = (): string => inject('baseUrl')

let sessionCookiePromise: Promise<string> | undefined

/** Signs in once per test file and returns the `name=value` of the session cookie. */
export function sessionCookie(): Promise<string> {
  sessionCookiePromise ??= (async () => {
    const response = await fetch(`${baseUrl()}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ password: TEST_ADMIN_PASSWORD }),
    })
    if (response.status !== 204) throw new Error(`sign-in failed with ${response.status}: ${await response.text()}`)
    const setCookie = response.headers.get('set-cookie') ?? ''
    return setCookie.split(';')[0]!
  })()
  return sessionCookiePromise
}

/** Requests a path as the signed-in admin, without following redirects. */
export async function adminRequest(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set('cookie', await sessionCookie())
  return fetch(`${baseUrl()}${path}`, { redirect: 'manual', ...init, headers })
}

export interface CodeJson {
  id: string
  slug: string
  kind: 'url' | 'message'
  title: string | null
  destination?: string
  message?: string
  shortUrl: string
  scanCount: number
  lastScannedAt: string | null
  createdAt: string
}

export async function postCode(body: unknown): Promise<Response> {
  return adminRequest('/api/codes', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

export async function createCode(body: Record<string, unknown>): Promise<CodeJson> {
  const response = await postCode(body)
  if (response.status !== 201) throw new Error(`create failed with ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { code: CodeJson }).code
}

export async function getScanCount(id: string): Promise<number> {
  const response = await fetch(`${baseUrl()}/api/counts?ids=${id}`)
  const body = (await response.json()) as { counts: { scanCount: number }[] }
  return body.counts[0]?.scanCount ?? -1
}

/** A phone browser's user agent: the scan route counts only hits that look human. */
export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'

/** Requests a path without following redirects, as a phone browser unless `init` names another agent. */
export function request(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  if (!headers.has('user-agent')) headers.set('user-agent', BROWSER_USER_AGENT)
  return fetch(`${baseUrl()}${path}`, { redirect: 'manual', ...init, headers })
}
