import jsQR from 'jsqr'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { adminRequest, createCode, request } from './helpers'

const LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#e11d48"/></svg>'
const LOGO = { contentType: 'image/svg+xml', base64: Buffer.from(LOGO_SVG).toString('base64') }

interface DesignJson {
  foreground: string
  background: string
  errorCorrection: string
  margin: number
  logo: { contentType: string; base64: string } | null
  logoWidthPercent: number
}

interface ErrorJson {
  error: { code: string; message: string; fields: Record<string, string> }
}

function putDesign(id: string, body: unknown): Promise<Response> {
  return adminRequest(`/api/codes/${id}/design`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/**
 * Decodes a PNG after scaling it to 1024 px. jsQR on a 4096 px image blocks this process for
 * seconds, long enough for the server to close idle keep-alive sockets that fetch then reuses.
 * lib/codes/qr-design.test.ts decodes a 4096 px PNG at full size.
 */
async function decode(png: Uint8Array): Promise<string | undefined> {
  const { data, info } = await sharp(png).resize(1024).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data
}

describe('GET /api/codes/{id}/design', () => {
  it('returns the defaults for a new code', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/design' })
    const response = await adminRequest(`/api/codes/${code.id}/design`)

    expect(response.status).toBe(200)
    expect(((await response.json()) as { design: DesignJson }).design).toEqual({
      foreground: '#000000',
      background: '#ffffff',
      errorCorrection: 'M',
      margin: 4,
      logo: null,
      logoWidthPercent: 20,
    })
  })

  it('answers 401 without a session or key', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/design' })
    expect((await request(`/api/codes/${code.id}/design`)).status).toBe(401)
  })

  it('answers 404 for an unknown code', async () => {
    const response = await adminRequest('/api/codes/00000000-0000-4000-8000-000000000000/design')
    expect(response.status).toBe(404)
  })
})

describe('PUT /api/codes/{id}/design', () => {
  it('serves a saved logo design', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/design' })
    const response = await putDesign(code.id, { foreground: '#1E3A8A', background: '#fef3c7', margin: 6, logo: LOGO, logoWidthPercent: 25 })

    expect(response.status).toBe(200)
    const { design } = (await response.json()) as { design: DesignJson }
    expect(design).toEqual({ foreground: '#1e3a8a', background: '#fef3c7', errorCorrection: 'H', margin: 6, logo: LOGO, logoWidthPercent: 25 })

    const stored = (await (await adminRequest(`/api/codes/${code.id}/design`)).json()) as { design: DesignJson }
    expect(stored.design).toEqual(design)

    const svg = await (await adminRequest(`/api/codes/${code.id}/qr.svg`)).text()
    expect(svg).toContain('#1e3a8a')
    expect(svg).toContain(`data:image/svg+xml;base64,${LOGO.base64}`)

    const png = await adminRequest(`/api/codes/${code.id}/qr.png?size=4096`)
    expect(png.status).toBe(200)
    expect(png.headers.get('cache-control')).toBe('private, no-cache')
    const bytes = new Uint8Array(await png.arrayBuffer())
    expect((await sharp(bytes).metadata()).width).toBe(4096)
    expect((await decode(bytes))?.toLowerCase()).toBe(code.shortUrl.toLowerCase())
  })

  it('keeps the logo when logo is omitted and removes it when null', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/design' })
    expect((await putDesign(code.id, { logo: LOGO })).status).toBe(200)

    const kept = (await (await putDesign(code.id, { foreground: '#14532d' })).json()) as { design: DesignJson }
    expect(kept.design.logo).toEqual(LOGO)
    expect(kept.design.errorCorrection).toBe('H')

    const removed = (await (await putDesign(code.id, { logo: null })).json()) as { design: DesignJson }
    expect(removed.design.logo).toBeNull()
    expect(removed.design.errorCorrection).toBe('M')
    expect(await (await adminRequest(`/api/codes/${code.id}/qr.svg`)).text()).not.toContain('<image')
  })

  it.each([
    [{ foreground: '#777777' }, 'foreground', /contrast ratio/],
    [{ foreground: '#ffffff', background: '#000000' }, 'foreground', /lighter than background/],
    [{ background: 'transparent' }, 'background', /must be opaque/],
    [{ background: '#ffffff00' }, 'background', /must be opaque/],
    [{ margin: 2 }, 'margin', /at least 4 modules/],
    [{ errorCorrection: 'M', logo: LOGO }, 'errorCorrection', /needs error correction level H/],
    [{ logoWidthPercent: 50 }, 'logoWidthPercent', /at most 30%/],
    [{ logo: { contentType: 'image/png', base64: LOGO.base64 } }, 'logo', /declared as image\/png/],
    [[], 'design', /JSON object/],
  ])('rejects %j with 400 naming %s', async (body, field, message) => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/design' })
    const response = await putDesign(code.id, body)

    expect(response.status).toBe(400)
    const { error } = (await response.json()) as ErrorJson
    expect(error.code).toBe('validation_failed')
    expect(Object.keys(error.fields)).toEqual([field])
    expect(error.fields[field]).toMatch(message)
  })

  it('leaves the stored design unchanged after a rejected update', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/design' })
    await putDesign(code.id, { foreground: '#14532d' })
    expect((await putDesign(code.id, { foreground: '#eeeeee' })).status).toBe(400)

    const stored = (await (await adminRequest(`/api/codes/${code.id}/design`)).json()) as { design: DesignJson }
    expect(stored.design.foreground).toBe('#14532d')
  })

  it('rejects malformed JSON with 400', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/design' })
    const response = await putDesign(code.id, '{"foreground":')
    expect(response.status).toBe(400)
    expect(((await response.json()) as ErrorJson).error.code).toBe('invalid_json')
  })

  it('answers 401 without a session or key', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/design' })
    const response = await request(`/api/codes/${code.id}/design`, { method: 'PUT', body: '{}' })
    expect(response.status).toBe(401)
  })
})
