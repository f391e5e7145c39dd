import 'server-only'

import sharp from 'sharp'

import type { LogoContentType, QrDesign } from '@/lib/codes/qr-design'
import { renderDesignedQrSvg } from '@/lib/codes/qr-render'

/**
 * Renders `text` as a PNG QR `size` pixels wide in the design, by rasterising the same SVG that
 * pages show (librsvg through sharp), so the PNG and the SVG always agree. Measured on a 2-core
 * VM under Node 20 with a logo: about 30 ms at 1000 px and 250 to 650 ms at 4096 px.
 */
export async function renderDesignedQrPng(text: string, design: QrDesign, size: number): Promise<Buffer> {
  const svg = await renderDesignedQrSvg(text, design, size)
  return sharp(Buffer.from(svg)).png().toBuffer()
}

const FORMAT_FOR_CONTENT_TYPE: Record<LogoContentType, string> = { 'image/png': 'png', 'image/svg+xml': 'svg' }

/**
 * Checks that logo bytes are an image of the declared type that sharp can read and draw.
 * Returns an error message naming the problem, or null when the logo can be used.
 */
export async function checkLogoImage(bytes: Buffer, contentType: LogoContentType): Promise<string | null> {
  const expectedFormat = FORMAT_FOR_CONTENT_TYPE[contentType]
  try {
    const metadata = await sharp(bytes).metadata()
    if (metadata.format !== expectedFormat) {
      return `Logo is declared as ${contentType} but the file is ${metadata.format ?? 'not an image'}. Upload a PNG or SVG file.`
    }
    if (!metadata.width || !metadata.height) return 'Logo has no width or height. Give the SVG a viewBox or width and height.'
    // Drawing it once catches an SVG that parses but fails to render.
    await sharp(bytes).resize(64, 64, { fit: 'inside' }).png().toBuffer()
    return null
  } catch {
    return `Logo could not be read as ${contentType}. Upload a valid PNG or SVG file.`
  }
}
