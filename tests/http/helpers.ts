import { inject } from 'vitest'

export const baseUrl = (): string => inject('baseUrl')

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
  return fetch(`${baseUrl()}/api/codes`, {
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

/** Requests a path without following redirects. */
export function request(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, { redirect: 'manual', ...init })
}
