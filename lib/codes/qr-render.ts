import QRCode from 'qrcode'

import type { QrDesign } from '@/lib/codes/qr-design'

/** The position of the logo and of the background-coloured plate behind it, in modules from the image's top-left corner. */
export interface LogoPlacement {
  /** The plate: whole modules, so that no module is left half covered. */
  plateStart: number
  plateSize: number
  /** The logo, centred on the plate and scaled to fit inside this square. */
  logoStart: number
  logoSize: number
}

/**
 * Places a logo `widthPercent` of the symbol's width in the centre of a symbol `symbolModules`
 * wide with a quiet zone of `margin` modules. The centre of a QR image is always a half module
 * (the symbol is an odd number of modules wide), so the plate rounds out evenly on both sides.
 */
export function placeLogo(symbolModules: number, margin: number, widthPercent: number): LogoPlacement {
  const centre = margin + symbolModules / 2
  const logoSize = (symbolModules * widthPercent) / 100
  const plateStart = Math.floor(centre - logoSize / 2)
  const plateEnd = Math.ceil(centre + logoSize / 2)
  return { plateStart, plateSize: plateEnd - plateStart, logoStart: centre - logoSize / 2, logoSize }
}

/** Returns the number of modules across the symbol that encodes `text` at the design's level, quiet zone excluded. */
export function countSymbolModules(text: string, design: QrDesign): number {
  return QRCode.create(text, { errorCorrectionLevel: design.errorCorrection }).modules.size
}

/**
 * Renders `text` as an SVG QR in the design's colours, level and quiet zone, with the logo as
 * an embedded data-URI <image> on a background-coloured plate. `width` sets the width and
 * height attributes in pixels. Without it the SVG scales to its container.
 */
export async function renderDesignedQrSvg(text: string, design: QrDesign, width?: number): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: design.errorCorrection,
    margin: design.margin,
    color: { dark: design.foreground, light: design.background },
    ...(width ? { width } : {}),
  })
  if (!design.logo) return svg

  const placement = placeLogo(countSymbolModules(text, design), design.margin, design.logoWidthPercent)
  // NOTE: `href` without the xlink namespace is SVG 2. Browsers and librsvg read it, but some
  // older desktop editors only read xlink:href.
  const logo =
    `<rect x="${placement.plateStart}" y="${placement.plateStart}" width="${placement.plateSize}" height="${placement.plateSize}" fill="${design.background}"/>` +
    `<image x="${placement.logoStart}" y="${placement.logoStart}" width="${placement.logoSize}" height="${placement.logoSize}" ` +
    `preserveAspectRatio="xMidYMid meet" href="data:${design.logo.contentType};base64,${design.logo.base64}"/>`
  const closingTag = svg.lastIndexOf('</svg>')
  return `${svg.slice(0, closingTag)}${logo}${svg.slice(closingTag)}`
}
