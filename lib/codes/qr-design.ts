import { colord, extend } from 'colord'
import a11yPlugin from 'colord/plugins/a11y'
import { z } from 'zod'

extend([a11yPlugin])

export const ERROR_CORRECTION_LEVELS = ['L', 'M', 'Q', 'H'] as const
export type ErrorCorrectionLevel = (typeof ERROR_CORRECTION_LEVELS)[number]

export const LOGO_CONTENT_TYPES = ['image/png', 'image/svg+xml'] as const
export type LogoContentType = (typeof LOGO_CONTENT_TYPES)[number]

/** WCAG 2 contrast ratio for normal text (level AA), used here as the floor between modules and background. */
export const MIN_CONTRAST_RATIO = 4.5
/** The quiet zone that ISO/IEC 18004 requires around a QR symbol, in modules. */
export const MIN_MARGIN = 4
export const MAX_MARGIN = 16
export const MAX_LOGO_BYTES = 100 * 1024
export const MIN_LOGO_WIDTH_PERCENT = 10
/**
 * A logo 30% of the symbol's width covers 9% of its area, well inside the roughly 30% of
 * codewords that level H restores. lib/codes/qr-design.test.ts decodes a code at this size.
 */
export const MAX_LOGO_WIDTH_PERCENT = 30
export const DEFAULT_LOGO_WIDTH_PERCENT = 20

export interface QrLogo {
  contentType: LogoContentType
  /** The image file, base64-encoded. */
  base64: string
}

/** The look of a code's QR. Colours are opaque, as lower-case #rrggbb. */
export interface QrDesign {
  foreground: string
  background: string
  errorCorrection: ErrorCorrectionLevel
  /** The quiet zone around the symbol, in modules. */
  margin: number
  logo: QrLogo | null
  /** The logo's width as a percentage of the symbol's width, quiet zone excluded. */
  logoWidthPercent: number
}

/** Black modules on white, level M, a 4-module quiet zone and no logo: how codes looked before designs. */
export const DEFAULT_QR_DESIGN: QrDesign = {
  foreground: '#000000',
  background: '#ffffff',
  errorCorrection: 'M',
  margin: MIN_MARGIN,
  logo: null,
  logoWidthPercent: DEFAULT_LOGO_WIDTH_PERCENT,
}

const HEX_COLOUR = /^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i

type ColourCheck = { ok: true; hex: string } | { ok: false; message: string }

/** Parses a hex colour and returns it as lower-case #rrggbb, rejecting any transparency. */
export function parseOpaqueHexColour(label: string, value: string): ColourCheck {
  const text = value.trim()
  if (text.toLowerCase() === 'transparent') {
    return { ok: false, message: `${label} must be opaque: a transparent ${label.toLowerCase()} takes the colour of whatever it is printed on, and scanners cannot rely on it.` }
  }
  if (!HEX_COLOUR.test(text)) return { ok: false, message: `${label} must be a hex colour such as #1a2b3c, not "${value}".` }

  const colour = colord(text)
  if (colour.alpha() < 1) {
    return { ok: false, message: `${label} must be opaque, but ${text} has an alpha of ${colour.alpha()}. Remove the last two hex digits.` }
  }
  return { ok: true, hex: colour.toHex() }
}

export interface ColourPairIssue {
  field: 'foreground' | 'background'
  message: string
}

/**
 * Checks that dark modules on the background can be scanned: the foreground must be darker than
 * the background (many scanners do not read inverted codes), and the WCAG contrast ratio must be
 * at least MIN_CONTRAST_RATIO. Returns null when the pair is fine.
 */
export function checkColourPair(foreground: string, background: string): ColourPairIssue | null {
  const dark = colord(foreground)
  const light = colord(background)
  if (dark.luminance() > light.luminance()) {
    return {
      field: 'foreground',
      message: `Foreground ${foreground} is lighter than background ${background}. Many scanners cannot read light modules on a dark background, so swap the colours.`,
    }
  }

  const ratio = dark.contrast(light)
  if (ratio < MIN_CONTRAST_RATIO) {
    return {
      field: 'foreground',
      message: `Foreground ${foreground} on background ${background} has a contrast ratio of ${ratio}:1, below the minimum of ${MIN_CONTRAST_RATIO}:1. Pick a darker foreground or a lighter background.`,
    }
  }
  return null
}

function colourSchema(label: string) {
  return z.string({ error: `${label} must be a hex colour string such as #1a2b3c.` }).transform((value, ctx) => {
    const result = parseOpaqueHexColour(label, value)
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message })
      return z.NEVER
    }
    return result.hex
  })
}

/** Computes the decoded size of a base64 string without decoding it. */
function base64ByteLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0
  return Math.floor((base64.length * 3) / 4) - padding
}

const logoSchema = z.object(
  {
    contentType: z.enum(LOGO_CONTENT_TYPES, { error: 'Logo contentType must be "image/png" or "image/svg+xml".' }),
    base64: z.base64({ error: 'Logo base64 must be the image file encoded as base64.' }).check((ctx) => {
      const bytes = base64ByteLength(ctx.value)
      if (bytes > MAX_LOGO_BYTES) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: `Logo is too large: ${Math.ceil(bytes / 1024)} KB, at most ${MAX_LOGO_BYTES / 1024} KB.`,
        })
      }
    }),
  },
  { error: 'Logo must be an object with contentType and base64, or null to remove it.' },
)

/**
 * The input of `PUT /api/codes/<id>/design` and the design form. Omitted fields take their
 * default, except `logo`: omitted keeps the stored logo, null removes it. With a logo the
 * level is H, and asking for another level is an error.
 */
export const qrDesignInputSchema = z
  .object(
    {
      foreground: colourSchema('Foreground').default(DEFAULT_QR_DESIGN.foreground),
      background: colourSchema('Background').default(DEFAULT_QR_DESIGN.background),
      errorCorrection: z
        .enum(ERROR_CORRECTION_LEVELS, { error: 'Error correction must be one of L, M, Q or H.' })
        .optional(),
      margin: z
        .number({ error: 'Margin must be a whole number of modules.' })
        .int({ error: 'Margin must be a whole number of modules.' })
        .min(MIN_MARGIN, { error: `Margin must be at least ${MIN_MARGIN} modules, the quiet zone that scanners need.` })
        .max(MAX_MARGIN, { error: `Margin must be at most ${MAX_MARGIN} modules.` })
        .default(MIN_MARGIN),
      logo: logoSchema.nullable().optional(),
      logoWidthPercent: z
        .number({ error: 'Logo width must be a whole number of percent.' })
        .int({ error: 'Logo width must be a whole number of percent.' })
        .min(MIN_LOGO_WIDTH_PERCENT, { error: `Logo width must be at least ${MIN_LOGO_WIDTH_PERCENT}% of the symbol.` })
        .max(MAX_LOGO_WIDTH_PERCENT, {
          error: `Logo width must be at most ${MAX_LOGO_WIDTH_PERCENT}% of the symbol, so that level H can restore the modules it hides.`,
        })
        .default(DEFAULT_LOGO_WIDTH_PERCENT),
    },
    { error: 'Design must be a JSON object.' },
  )
  .superRefine((input, ctx) => {
    const pairIssue = checkColourPair(input.foreground, input.background)
    if (pairIssue) ctx.addIssue({ code: 'custom', path: [pairIssue.field], message: pairIssue.message })
  })

export type QrDesignInput = z.output<typeof qrDesignInputSchema>

/**
 * Combines validated input with the stored logo into the design to save. Returns an error
 * message for `errorCorrection` when a logo is present and another level than H was requested.
 */
export function resolveQrDesign(input: QrDesignInput, storedLogo: QrLogo | null): { ok: true; design: QrDesign } | { ok: false; message: string } {
  const logo = input.logo === undefined ? storedLogo : input.logo
  if (logo && input.errorCorrection && input.errorCorrection !== 'H') {
    return {
      ok: false,
      message: `A code with a logo needs error correction level H, not ${input.errorCorrection}, because the logo hides modules. Choose H or remove the logo.`,
    }
  }

  const errorCorrection = logo ? 'H' : (input.errorCorrection ?? DEFAULT_QR_DESIGN.errorCorrection)
  return {
    ok: true,
    design: {
      foreground: input.foreground,
      background: input.background,
      errorCorrection,
      margin: input.margin,
      logo,
      logoWidthPercent: input.logoWidthPercent,
    },
  }
}
