import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'

import { renderMonochromeQrPng } from '@/lib/codes/qr-png'
import { getQrVersion, toQrText } from '@/lib/codes/qr'

const PERSONAL_URL = 'https://scanboard.example/t/0123456789abcdef0123456789abcdef'

function decode(png: Buffer) {
  const image = PNG.sync.read(png)
  return { image, text: jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data }
}

describe('renderMonochromeQrPng', () => {
  it.each([600, 257, 1024])('decodes back to the link at %i px', (size) => {
    const { image, text } = decode(renderMonochromeQrPng(PERSONAL_URL, size))

    expect(image.width).toBe(size)
    expect(image.height).toBe(size)
    expect(text).toBe(toQrText(PERSONAL_URL))
  })

  it('writes a 1-bit grayscale PNG', () => {
    const png = renderMonochromeQrPng(PERSONAL_URL, 600)

    // IHDR starts at byte 16: width, height, bit depth, colour type.
    expect(png[24]).toBe(1)
    expect(png[25]).toBe(0)
  })

  it('leaves the quiet zone white and the finder corner black', () => {
    const { image } = decode(renderMonochromeQrPng(PERSONAL_URL, 600))
    const pixel = (x: number, y: number) => image.data[(y * image.width + x) * 4]
    // A version-v symbol is 17 + 4v modules wide, plus 4 quiet-zone modules on each side.
    const modulesWide = 17 + 4 * getQrVersion(PERSONAL_URL) + 8
    const centreOfModule = (index: number) => Math.floor(((index + 0.5) * 600) / modulesWide)

    expect(pixel(0, 0)).toBe(255)
    expect(pixel(599, 599)).toBe(255)
    expect(pixel(centreOfModule(3), centreOfModule(3))).toBe(255)
    expect(pixel(centreOfModule(4), centreOfModule(4))).toBe(0)
  })

  it('is smaller than 6 KB at 600 px', () => {
    expect(renderMonochromeQrPng(PERSONAL_URL, 600).length).toBeLessThan(6000)
  })
})
