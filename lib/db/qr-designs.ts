import type { ErrorCorrectionLevel, LogoContentType, QrDesign } from '@/lib/codes/qr-design'
import type { Queryable } from '@/lib/db/types'

interface DesignRow {
  foreground: string
  background: string
  error_correction: ErrorCorrectionLevel
  margin: number
  logo: Uint8Array | null
  logo_content_type: LogoContentType | null
  logo_width_percent: number
}

function toQrDesign(row: DesignRow): QrDesign {
  return {
    foreground: row.foreground,
    background: row.background,
    errorCorrection: row.error_correction,
    margin: row.margin,
    logo: row.logo && row.logo_content_type ? { contentType: row.logo_content_type, base64: Buffer.from(row.logo).toString('base64') } : null,
    logoWidthPercent: row.logo_width_percent,
  }
}

/** Returns the stored design of a code, or null when the code uses the defaults. */
export async function findQrDesign(db: Queryable, codeId: string): Promise<QrDesign | null> {
  const rows = await db.query<DesignRow>(
    `select foreground, background, error_correction, margin, logo, logo_content_type, logo_width_percent
     from public.qr_designs where code_id = $1`,
    [codeId],
  )
  return rows[0] ? toQrDesign(rows[0]) : null
}

/** Stores a code's design and the SVG rendered from it, so pages show the new look. */
export async function saveQrDesign(db: Queryable, codeId: string, design: QrDesign, qrSvg: string): Promise<void> {
  await db.query(
    `insert into public.qr_designs
       (code_id, foreground, background, error_correction, margin, logo, logo_content_type, logo_width_percent)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (code_id) do update set
       foreground = excluded.foreground, background = excluded.background,
       error_correction = excluded.error_correction, margin = excluded.margin,
       logo = excluded.logo, logo_content_type = excluded.logo_content_type,
       logo_width_percent = excluded.logo_width_percent, updated_at = now()`,
    [
      codeId,
      design.foreground,
      design.background,
      design.errorCorrection,
      design.margin,
      design.logo ? Buffer.from(design.logo.base64, 'base64') : null,
      design.logo?.contentType ?? null,
      design.logoWidthPercent,
    ],
  )
  await db.query('update public.qr_codes set qr_svg = $2 where id = $1', [codeId, qrSvg])
}
