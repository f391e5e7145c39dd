import 'server-only'

import { toQrText } from '@/lib/codes/qr'
import { DEFAULT_QR_DESIGN, qrDesignInputSchema, resolveQrDesign, type QrDesign } from '@/lib/codes/qr-design'
import { checkLogoImage, renderDesignedQrPng } from '@/lib/codes/qr-image'
import { renderDesignedQrSvg } from '@/lib/codes/qr-render'
import type { FieldErrors } from '@/lib/codes/schema'
import { getCode } from '@/lib/codes/service'
import type { QrCode } from '@/lib/codes/types'
import { getDatabase } from '@/lib/db'
import { findQrDesign, saveQrDesign } from '@/lib/db/qr-designs'
import { logger } from '@/lib/logger'

/** Returns the code and its design (the defaults when none is stored), or null when there is no such code. */
export async function getCodeWithDesign(id: string): Promise<{ code: QrCode; design: QrDesign } | null> {
  const code = await getCode(id)
  if (!code) return null
  const design = (await findQrDesign(await getDatabase(), code.id)) ?? DEFAULT_QR_DESIGN
  return { code, design }
}

export type SaveDesignResult =
  | { status: 'saved'; design: QrDesign }
  | { status: 'invalid'; fields: FieldErrors }
  | { status: 'not_found' }

/**
 * Validates `input` (see qrDesignInputSchema), then stores the design and re-renders the code's
 * stored SVG in one transaction.
 */
export async function updateCodeDesign(id: string, input: unknown): Promise<SaveDesignResult> {
  const parsed = qrDesignInputSchema.safeParse(input)
  if (!parsed.success) {
    // An issue without a path is about the body as a whole, such as an array instead of an object.
    const fields: FieldErrors = {}
    for (const issue of parsed.error.issues) fields[issue.path.length > 0 ? String(issue.path[0]) : 'design'] ??= issue.message
    return { status: 'invalid', fields }
  }

  const current = await getCodeWithDesign(id)
  if (!current) return { status: 'not_found' }

  const resolved = resolveQrDesign(parsed.data, current.design.logo)
  if (!resolved.ok) return { status: 'invalid', fields: { errorCorrection: resolved.message } }
  const design = resolved.design

  if (parsed.data.logo) {
    const logoProblem = await checkLogoImage(Buffer.from(parsed.data.logo.base64, 'base64'), parsed.data.logo.contentType)
    if (logoProblem) return { status: 'invalid', fields: { logo: logoProblem } }
  }

  const qrSvg = await renderDesignedQrSvg(toQrText(current.code.shortUrl), design)
  const db = await getDatabase()
  await db.transaction((tx) => saveQrDesign(tx, current.code.id, design, qrSvg))
  logger.info(
    { codeId: current.code.id, errorCorrection: design.errorCorrection, margin: design.margin, hasLogo: design.logo !== null },
    'QR design saved',
  )
  return { status: 'saved', design }
}

/** Renders a code's QR as a PNG `size` pixels wide in its design. */
export function renderCodePng(code: QrCode, design: QrDesign, size: number): Promise<Buffer> {
  return renderDesignedQrPng(toQrText(code.shortUrl), design, size)
}

/** A design as the JSON API returns it. */
export function toDesignJson(design: QrDesign) {
  return {
    foreground: design.foreground,
    background: design.background,
    errorCorrection: design.errorCorrection,
    margin: design.margin,
    logo: design.logo,
    logoWidthPercent: design.logoWidthPercent,
  }
}

/**
 * Turns the design form's fields into the input that updateCodeDesign validates. A chosen file
 * replaces the logo, the removeLogo checkbox removes it, and otherwise the stored logo stays.
 */
export async function readDesignFormData(formData: FormData): Promise<Record<string, unknown>> {
  const text = (name: string) => {
    const value = formData.get(name)
    return typeof value === 'string' ? value : undefined
  }
  // Number('') is 0, which the schema rejects with a message, where an empty field should take the default.
  const integer = (name: string) => {
    const value = text(name)?.trim()
    return value ? Number(value) : undefined
  }

  const input: Record<string, unknown> = {
    foreground: text('foreground'),
    background: text('background'),
    errorCorrection: text('errorCorrection') || undefined,
    margin: integer('margin'),
    logoWidthPercent: integer('logoWidthPercent'),
  }

  const file = formData.get('logo')
  if (file instanceof File && file.size > 0) {
    input.logo = { contentType: file.type, base64: Buffer.from(await file.arrayBuffer()).toString('base64') }
  } else if (text('removeLogo') === 'on') {
    input.logo = null
  }
  return input
}
