import { describe, expect, it } from 'vitest'

import { createCode, getScanCount, request } from './helpers'

describe('GET /s/{slug}', () => {
  it('counts the scan and redirects with 302, the exact Location and no-store', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/landing' })

    const response = await request(`/s/${code.slug}`)

    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('https://example.com/landing')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await getScanCount(code.id)).toBe(1)
  })

  it('returns a destination with a fragment and encoded characters byte for byte', async () => {
    const destination = 'https://example.com/search?q=a+b%2Bc&emoji=%F0%9F%98%80&path=%2Fx#results'
    const code = await createCode({ kind: 'url', destination })

    const response = await request(`/s/${code.slug}`)

    expect(response.headers.get('location')).toBe(destination)
  })

  it('redirects to the punycode form of an internationalised host', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://bücher.example/' })
    const response = await request(`/s/${code.slug}`)
    expect(response.headers.get('location')).toBe('https://xn--bcher-kva.example/')
  })

  it('reaches the same code through upper-case /S/<SLUG>', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/upper' })

    const response = await request(`/S/${code.slug.toUpperCase()}`)

    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('https://example.com/upper')
    expect(await getScanCount(code.id)).toBe(1)
  })

  it('accepts an upper-case slug under lower-case /s/', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/mixed' })
    const response = await request(`/s/${code.slug.toUpperCase()}`)
    expect(response.status).toBe(302)
    expect(await getScanCount(code.id)).toBe(1)
  })

  it('sends a message code to its page, which does not count again', async () => {
    const code = await createCode({ kind: 'message', message: 'Line one\u2028line two 歡迎', title: 'Welcome' })

    const scan = await request(`/s/${code.slug}`)
    expect(scan.status).toBe(302)
    expect(scan.headers.get('location')).toBe(`/m/${code.slug}`)
    expect(scan.headers.get('cache-control')).toBe('no-store')

    const page = await request(`/m/${code.slug}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Line one\u2028line two 歡迎')
    expect(html).toContain('Welcome')
    expect(await getScanCount(code.id)).toBe(1)
  })

  it('answers HEAD like GET but counts nothing', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/head' })

    const response = await request(`/s/${code.slug}`, { method: 'HEAD' })

    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('https://example.com/head')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await getScanCount(code.id)).toBe(0)
  })

  it.each(['zzzzzzz', 'ab', 'abc-def', '%E2%80%AE', 'a'.repeat(300)])('returns a friendly 404 for %s', async (slug) => {
    const response = await request(`/s/${slug}`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(await response.text()).toContain("This QR code doesn’t lead anywhere")
  })

  it('returns 404 to HEAD of an unknown slug', async () => {
    const response = await request('/s/zzzzzzz', { method: 'HEAD' })
    expect(response.status).toBe(404)
  })

  it('shows the not-found page for a URL code at /m/{slug}', async () => {
    const code = await createCode({ kind: 'url', destination: 'https://example.com/not-a-message' })
    const response = await request(`/m/${code.slug}`)
    expect(response.status).toBe(404)
  })
})
