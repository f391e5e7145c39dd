import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { renderQrSvg, toQrText } from '@/lib/codes/qr'
import {
  DEFAULT_QR_DESIGN,
  MAX_LOGO_BYTES,
  MAX_LOGO_WIDTH_PERCENT,
  qrDesignInputSchema,
  resolveQrDesign,
  type QrDesign,
  type QrLogo,
} from '@/lib/codes/qr-design'
import { checkLogoImage, renderDesignedQrPng } from '@/lib/codes/qr-image'
import { placeLogo, renderDesignedQrSvg } from '@/lib/codes/qr-render'

const SHORT_URL = 'https://scanboard.example/s/ab2cd3e'
const QR_TEXT = toQrText(SHORT_URL)

function decode(png: Buffer): string | undefined {
  const image = PNG.sync.read(png)
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data
}

/** Returns the [r, g, b] of the pixel at (x, y). */
function pixelAt(png: Buffer, x: number, y: number): number[] {
  const image = PNG.sync.read(png)
  const offset = (y * image.width + x) * 4
  return [...image.data.subarray(offset, offset + 3)]
}

const SVG_LOGO: QrLogo = {
  contentType: 'image/svg+xml',
  base64: Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#e11d48"/></svg>',
  ).toString('base64'),
}

async function pngLogo(): Promise<QrLogo> {
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#1d4ed8' } }).png().toBuffer()
  return { contentType: 'image/png', base64: png.toString('base64') }
}

function parseDesign(input: Record<string, unknown>, storedLogo: QrLogo | null = null): QrDesign {
  const parsed = qrDesignInputSchema.parse(input)
  const resolved = resolveQrDesign(parsed, storedLogo)
  if (!resolved.ok) throw new Error(resolved.message)
  return resolved.design
}

function fieldErrors(input: unknown): Record<string, string> {
  const result = qrDesignInputSchema.safeParse(input)
  if (result.success) return {}
  return Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]))
}

describe('qrDesignInputSchema', () => {
  it('defaults to black on white, level M, margin 4', () => {
    expect(parseDesign({})).toEqual(DEFAULT_QR_DESIGN)
  })

  it('normalises short and upper-case hex', () => {
    const design = parseDesign({ foreground: '#12A', background: '#FFF' })
    expect(design.foreground).toBe('#1122aa')
    expect(design.background).toBe('#ffffff')
  })

  it.each([
    ['low contrast', { foreground: '#777777', background: '#ffffff' }, 'foreground', /contrast ratio of 4\.47:1, below the minimum of 4\.5:1/],
    ['inverted colours', { foreground: '#ffffff', background: '#000000' }, 'foreground', /lighter than background/],
    ['a transparent background', { background: 'transparent' }, 'background', /Background must be opaque/],
    ['a background with alpha', { background: '#ffffff80' }, 'background', /Background must be opaque.*alpha of 0\.5/],
    ['a foreground with alpha', { foreground: '#0000' }, 'foreground', /Foreground must be opaque/],
    ['a named colour', { foreground: 'black' }, 'foreground', /Foreground must be a hex colour/],
    ['margin 3', { margin: 3 }, 'margin', /at least 4 modules/],
    ['margin 4.5', { margin: 4.5 }, 'margin', /whole number/],
    ['level X', { errorCorrection: 'X' }, 'errorCorrection', /one of L, M, Q or H/],
    ['a logo width of 31%', { logoWidthPercent: 31 }, 'logoWidthPercent', /at most 30%/],
    ['a GIF logo', { logo: { contentType: 'image/gif', base64: 'R0lGODlh' } }, 'logo', /image\/png/],
    ['a logo that is not base64', { logo: { contentType: 'image/png', base64: 'not base64!' } }, 'logo', /base64/],
  ])('rejects %s', (_name, input, field, message) => {
    const errors = fieldErrors(input)
    expect(Object.keys(errors)).toEqual([field])
    expect(errors[field]).toMatch(message)
  })

  it('rejects a logo over 100 KB', () => {
    const base64 = Buffer.alloc(MAX_LOGO_BYTES + 1).toString('base64')
    expect(fieldErrors({ logo: { contentType: 'image/png', base64 } }).logo).toBe('Logo is too large: 101 KB, at most 100 KB.')
  })

  it('accepts a logo of exactly 100 KB', () => {
    const base64 = Buffer.alloc(MAX_LOGO_BYTES).toString('base64')
    expect(fieldErrors({ logo: { contentType: 'image/png', base64 } })).toEqual({})
  })
})

describe('resolveQrDesign', () => {
  it('sets level H when a logo is added', () => {
    expect(parseDesign({ logo: SVG_LOGO }).errorCorrection).toBe('H')
  })

  it('keeps the stored logo when logo is omitted', () => {
    const design = parseDesign({ foreground: '#123456' }, SVG_LOGO)
    expect(design.logo).toEqual(SVG_LOGO)
    expect(design.errorCorrection).toBe('H')
  })

  it('removes the stored logo when logo is null', () => {
    const design = parseDesign({ logo: null }, SVG_LOGO)
    expect(design.logo).toBeNull()
    expect(design.errorCorrection).toBe('M')
  })

  it('rejects level M with a logo', () => {
    const result = resolveQrDesign(qrDesignInputSchema.parse({ errorCorrection: 'M', logo: SVG_LOGO }), null)
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/needs error correction level H, not M/) })
  })
})

describe('designed QR images', () => {
  it('renders the default design as today\'s SVG', async () => {
    expect(await renderDesignedQrSvg(QR_TEXT, DEFAULT_QR_DESIGN)).toBe(await renderQrSvg(SHORT_URL))
  })

  const presets: [string, Record<string, unknown>][] = [
    ['default', {}],
    ['navy on cream, level L', { foreground: '#1e3a8a', background: '#fef3c7', errorCorrection: 'L' }],
    ['dark green on white, level Q, margin 8', { foreground: '#14532d', background: '#ffffff', errorCorrection: 'Q', margin: 8 }],
    ['black on light grey, level H', { foreground: '#000000', background: '#d4d4d4', errorCorrection: 'H' }],
    ['just above minimum contrast', { foreground: '#767676', background: '#ffffff' }],
  ]

  it.each(presets)('decodes the %s preset at 512 px', async (_name, input) => {
    const png = await renderDesignedQrPng(QR_TEXT, parseDesign(input), 512)
    expect(decode(png)).toBe(QR_TEXT)
  })

  it('draws the design colours', async () => {
    const png = await renderDesignedQrPng(QR_TEXT, parseDesign({ foreground: '#1e3a8a', background: '#fef3c7' }), 512)
    // The top-left corner is quiet zone, and the finder pattern's outer ring starts 4 modules in.
    expect(pixelAt(png, 2, 2)).toEqual([0xfe, 0xf3, 0xc7])
    const moduleWidth = 512 / (25 + 8)
    expect(pixelAt(png, Math.round(4.5 * moduleWidth), Math.round(4.5 * moduleWidth))).toEqual([0x1e, 0x3a, 0x8a])
  })

  it.each([
    ['SVG', () => Promise.resolve(SVG_LOGO), [0xe1, 0x1d, 0x48]],
    ['PNG', pngLogo, [0x1d, 0x4e, 0xd8]],
  ] as const)('decodes a code with a %s logo at the maximum width, level H', async (_name, makeLogo, logoColour) => {
    const design = parseDesign({ logo: await makeLogo(), logoWidthPercent: MAX_LOGO_WIDTH_PERCENT })
    expect(design.errorCorrection).toBe('H')

    const png = await renderDesignedQrPng(QR_TEXT, design, 600)
    // The logo is drawn in the centre, so the decode below reads past it.
    expect(pixelAt(png, 300, 300)).toEqual(logoColour)
    expect(decode(png)).toBe(QR_TEXT)
  })

  // Rendering and decoding 16.7 million pixels takes a few seconds on a shared 2-core machine.
  it('decodes a logo code at 4096 px', async () => {
    const design = parseDesign({ logo: SVG_LOGO, foreground: '#1e3a8a', logoWidthPercent: 25 })
    const png = await renderDesignedQrPng(QR_TEXT, design, 4096)
    expect(PNG.sync.read(png).width).toBe(4096)
    expect(decode(png)).toBe(QR_TEXT)
  }, 30_000)

  it('embeds the logo in the SVG as a data URI', async () => {
    const svg = await renderDesignedQrSvg(QR_TEXT, parseDesign({ logo: SVG_LOGO }))
    expect(svg).toContain(`href="data:image/svg+xml;base64,${SVG_LOGO.base64}"`)
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true)
  })
})

describe('placeLogo', () => {
  it('centres a whole-module plate around the logo', () => {
    // Version 3 at level H: 29 modules, 37 with the quiet zone, centre at 18.5.
    const placement = placeLogo(29, 4, 20)
    expect(placement.logoSize).toBeCloseTo(5.8)
    expect(placement.plateStart).toBe(15)
    expect(placement.plateSize).toBe(7)
    expect(placement.plateStart * 2 + placement.plateSize).toBe(37)
  })
})

describe('checkLogoImage', () => {
  it('accepts a PNG and an SVG', async () => {
    const png = await pngLogo()
    expect(await checkLogoImage(Buffer.from(png.base64, 'base64'), 'image/png')).toBeNull()
    expect(await checkLogoImage(Buffer.from(SVG_LOGO.base64, 'base64'), 'image/svg+xml')).toBeNull()
  })

  it('rejects an SVG declared as PNG', async () => {
    expect(await checkLogoImage(Buffer.from(SVG_LOGO.base64, 'base64'), 'image/png')).toMatch(/declared as image\/png but the file is svg/)
  })

  it('rejects bytes that are no image', async () => {
    expect(await checkLogoImage(Buffer.from('hello'), 'image/svg+xml')).toMatch(/could not be read as image\/svg\+xml/)
  })
})
