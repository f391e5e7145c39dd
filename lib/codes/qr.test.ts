import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'

import { encodeQrPng, getQrVersion, isLocalOnlyUrl, renderQrPng, renderQrSvg, toQrText } from '@/lib/codes/qr'

async function decodePng(png: Buffer): Promise<string | undefined> {
  const image = PNG.sync.read(png)
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data
}

describe('toQrText', () => {
  it('upper-cases a plain short URL for alphanumeric mode', () => {
    expect(toQrText('https://scanboard.example/s/ab2cd3e')).toBe('HTTPS://SCANBOARD.EXAMPLE/S/AB2CD3E')
  })

  it('keeps the port', () => {
    expect(toQrText('http://192.168.1.20:3000/s/ab2cd3e')).toBe('HTTP://192.168.1.20:3000/S/AB2CD3E')
  })

  it('leaves a URL with a base path alone, because paths are case-sensitive', () => {
    expect(toQrText('https://example.com/qr/s/ab2cd3e')).toBe('https://example.com/qr/s/ab2cd3e')
  })

  it('leaves a host outside the alphanumeric set alone', () => {
    expect(toQrText('https://my_host.example/s/ab2cd3e')).toBe('https://my_host.example/s/ab2cd3e')
  })
})

describe('QR images', () => {
  it('fits a 35-character short URL in version 2 at level M', () => {
    const shortUrl = 'https://scanboard.example/s/ab2cd3e'
    expect(shortUrl).toHaveLength(35)
    expect(getQrVersion(shortUrl)).toBe(2)
  })

  it('decodes a URL code PNG back to its short link', async () => {
    const shortUrl = 'https://scanboard.example/s/ab2cd3e'
    const decoded = await decodePng(await renderQrPng(shortUrl, 256))
    expect(decoded).toBe('HTTPS://SCANBOARD.EXAMPLE/S/AB2CD3E')
    expect(new URL(decoded!).href.toLowerCase()).toBe(shortUrl)
  })

  it('round-trips a message with emoji, CJK and U+2028 in byte mode', async () => {
    // Short links are what codes encode, but the encoder must carry any text intact.
    const text = 'Hello 👋 歡迎 \u2028 next line'
    const image = PNG.sync.read(await encodeQrPng(text, 400))
    const result = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)
    expect(result).not.toBeNull()
    expect(new TextDecoder().decode(new Uint8Array(result!.binaryData))).toBe(text)
  })

  it('renders an SVG document', async () => {
    const svg = await renderQrSvg('https://scanboard.example/s/ab2cd3e')
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).toContain('viewBox')
  })
})

describe('isLocalOnlyUrl', () => {
  it.each([
    ['http://localhost:3000/s/ab2cd3e', true],
    ['http://127.0.0.1:3000/s/ab2cd3e', true],
    ['http://[::1]:3000/s/ab2cd3e', true],
    ['http://192.168.1.20:3000/s/ab2cd3e', false],
    ['https://qr.example.com/s/ab2cd3e', false],
  ])('%s → %s', (url, expected) => {
    expect(isLocalOnlyUrl(url)).toBe(expected)
  })
})
