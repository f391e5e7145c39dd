import { describe, expect, it } from 'vitest'

import { adminRequest, baseUrl, createCode, postCode, type CodeJson } from './helpers'

describe('POST /api/codes', () => {
  it('creates a URL code and returns 201 with the code', async () => {
    const response = await postCode({ kind: 'url', destination: 'https://example.com/spring', title: 'Spring poster' })

    expect(response.status).toBe(201)
    const { code } = (await response.json()) as { code: CodeJson }
    expect(code).toMatchObject({
      kind: 'url',
      title: 'Spring poster',
      destination: 'https://example.com/spring',
      scanCount: 0,
      lastScannedAt: null,
    })
    expect(code.slug).toMatch(/^[23456789abcdefghjkmnpqrstuvwxyz]{7}$/)
    expect(code.shortUrl).toBe(`${baseUrl()}/s/${code.slug}`)
    expect(Object.keys(code).sort()).toEqual(
      ['archived', 'createdAt', 'destination', 'expiresAt', 'fallbackUrl', 'id', 'kind', 'lastScannedAt', 'maxScans', 'paused', 'scanCount', 'shortUrl', 'slug', 'title'].sort(),
    )
    expect(response.headers.get('location')).toBe(`/api/codes/${code.id}`)
  })

  it('creates a message code without a destination field', async () => {
    const code = await createCode({ kind: 'message', message: 'Doors open at 7 🎉' })
    expect(code.message).toBe('Doors open at 7 🎉')
    expect(code).not.toHaveProperty('destination')
  })

  it.each([
    [{ kind: 'url', destination: 'javascript:alert(1)' }, 'destination'],
    [{ kind: 'url', destination: 'https://example.com/a b' }, 'destination'],
    [{ kind: 'url' }, 'destination'],
    [{ kind: 'message', message: '' }, 'message'],
    [{ kind: 'message', message: 'x'.repeat(1001) }, 'message'],
    [{ kind: 'message', message: 'hi', title: 't'.repeat(121) }, 'title'],
    [{ kind: 'poster', destination: 'https://example.com' }, 'kind'],
    [{}, 'kind'],
  ])('rejects %j with 400 naming %s', async (body, field) => {
    const response = await postCode(body)

    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: { code: string; message: string; fields: Record<string, string> } }
    expect(error.code).toBe('validation_failed')
    expect(Object.keys(error.fields)).toEqual([field])
  })

  it('rejects malformed JSON with 400', async () => {
    const response = await postCode('{"kind": "url",')
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_json')
  })

  it('rejects a body over 64 KiB with 413', async () => {
    const response = await postCode({ kind: 'message', message: 'x'.repeat(70_000) })
    expect(response.status).toBe(413)
  })
})

describe('GET /api/codes', () => {
  it('lists codes newest first with counts', async () => {
    const older = await createCode({ kind: 'message', message: 'older' })
    const newer = await createCode({ kind: 'message', message: 'newer' })

    const response = await adminRequest('/api/codes?pageSize=2')
    expect(response.status).toBe(200)
    const body = (await response.json()) as { codes: CodeJson[]; total: number }
    expect(body.codes.map((code) => code.id)).toEqual([newer.id, older.id])
    expect(body.codes[0]?.scanCount).toBe(0)
  })

  it.each(['page=0', 'page=abc', 'pageSize=101'])('rejects %s with 400', async (query) => {
    const response = await adminRequest(`/api/codes?${query}`)
    expect(response.status).toBe(400)
  })
})

describe('GET /api/codes/{id}', () => {
  it('returns the code', async () => {
    const created = await createCode({ kind: 'url', destination: 'https://example.com/one' })
    const response = await adminRequest(`/api/codes/${created.id}`)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { code: CodeJson }).code).toEqual(created)
  })

  it.each(['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' or '1'='1"])('returns 404 JSON for %s', async (id) => {
    const response = await adminRequest(`/api/codes/${encodeURIComponent(id)}`)
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })
})

describe('QR downloads', () => {
  it('serves the SVG', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/qr' })
    const response = await adminRequest(`/api/codes/${code.id}/qr.svg`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/svg+xml')
    expect(await response.text()).toMatch(/^<svg/)
  })

  it('serves a PNG of the requested size', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/qr' })
    const response = await adminRequest(`/api/codes/${code.id}/qr.png?size=300`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    const bytes = new Uint8Array(await response.arrayBuffer())
    // The PNG header stores the width as a big-endian integer at byte 16.
    expect(new DataView(bytes.buffer).getUint32(16)).toBe(300)
  })

  it.each(['0', '10', '5000', 'big'])('rejects size=%s with 400', async (size) => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/qr' })
    const response = await adminRequest(`/api/codes/${code.id}/qr.png?size=${size}`)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty('size')
  })
})

describe('API errors', () => {
  it.each([
    ['PUT', '/api/codes', 'GET, POST'],
    ['PUT', '/api/codes/00000000-0000-4000-8000-000000000000', 'GET, PATCH, DELETE'],
    ['POST', '/api/counts', 'GET'],
  ])('answer %s %s with 405 JSON', async (method, path, allow) => {
    const response = await adminRequest(path, { method })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe(allow)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed')
  })

  it('answer an unknown API path with 404 JSON', async () => {
    const response = await adminRequest('/api/nope')
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })
})
