import 'server-only'

import { renderQrSvg } from '@/lib/codes/qr'
import { loopError, type CreateCodeInput, type FieldErrors, type UpdateCodeInput } from '@/lib/codes/schema'
import { generateSlug } from '@/lib/codes/slug'
import type { QrCode, ScanCount } from '@/lib/codes/types'
import { getDatabase } from '@/lib/db'
import {
  findCodeById,
  findCodeByShareToken,
  findCodeBySlug,
  findScanCounts,
  insertCode,
  listCodes,
  rotateShareToken,
  deleteCode,
  updateCode,
} from '@/lib/db/codes'
import { UUID_PATTERN } from '@/lib/http/query'
import { logger } from '@/lib/logger'
import { deliverWebhooksSoon } from '@/lib/webhooks/service'

/** How many random slugs to try before giving up. With 31^7 slugs, a second try is already rare. */
const MAX_SLUG_ATTEMPTS = 5

export const MAX_PAGE_SIZE = 100

/** Creates a code whose QR encodes `<origin>/s/<slug>`, retrying on a slug collision. */
export async function createCode(input: CreateCodeInput, origin: string): Promise<QrCode> {
  const db = await getDatabase()

  for (let attempt = 1; attempt <= MAX_SLUG_ATTEMPTS; attempt++) {
    const slug = generateSlug()
    const shortUrl = `${origin}/s/${slug}`
    const code = await insertCode(db, {
      slug,
      kind: input.kind,
      title: input.title,
      destination: input.kind === 'url' ? input.destination : null,
      message: input.kind === 'message' ? input.message : null,
      shortUrl,
      qrSvg: await renderQrSvg(shortUrl),
    })
    if (code) {
      deliverWebhooksSoon()
      logger.info({ codeId: code.id, slug, kind: code.kind }, 'code created')
      return code
    }
    logger.warn({ slug, attempt }, 'slug collision; trying another')
  }

  throw new Error(`No free slug found after ${MAX_SLUG_ATTEMPTS} attempts`)
}



export type UpdateCodeResult = { ok: true; code: QrCode } | { ok: false; fieldErrors: FieldErrors } | { ok: false; notFound: true }

/**
 * Changes a code's title, destination or lifecycle. `raw` is the request as sent: a field it
 * leaves out keeps its value (the schema turns a missing title into null, which would clear it).
 */
export async function updateCodeSettings(id: string, raw: Record<string, unknown>, input: UpdateCodeInput, origin: string): Promise<UpdateCodeResult> {
  const code = await getCode(id)
  if (!code) return { ok: false, notFound: true }

  const fieldErrors: FieldErrors = {}
  if (input.destination !== undefined) {
    if (code.kind !== 'url') fieldErrors.destination = 'Only a URL code has a destination.'
    else fieldErrors.destination = loopError(input.destination, origin) ?? undefined
  }
  if (input.fallbackUrl) fieldErrors.fallbackUrl = loopError(input.fallbackUrl, origin) ?? undefined
  if (Object.values(fieldErrors).some(Boolean)) return { ok: false, fieldErrors }

  await updateCode(await getDatabase(), code.id, { ...input, title: 'title' in raw ? input.title : undefined })
  logger.info({ codeId: code.id, fields: Object.keys(raw) }, 'code updated')
  const updated = await getCode(code.id)
  return updated ? { ok: true, code: updated } : { ok: false, notFound: true }
}

export async function removeCode(id: string): Promise<boolean> {
  if (!isUuid(id)) return false
  const deleted = await deleteCode(await getDatabase(), id.toLowerCase())
  if (deleted) logger.info({ codeId: id }, 'code deleted; its slug is retired')
  return deleted
}

/** Says in words whether a code is live: paused, expired, at its limit, archived or active. */
export function describeCodeState(code: QrCode, now = new Date()): string {
  const parts: string[] = []
  if (code.pausedAt) parts.push('Paused: scans get the paused page and do not count')
  else if (code.expiresAt && code.expiresAt <= now) parts.push('Expired: scans get a 410 page and do not count')
  else if (code.maxScans !== null && code.scanCount >= code.maxScans) parts.push(`Limit of ${code.maxScans.toLocaleString('en')} scans reached`)
  else parts.push('Active')
  if (code.archivedAt) parts.push('archived')
  return parts.join(' · ')
}

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value.toLowerCase())
}

/** Returns the code with this id, or null when there is none or the id is not a UUID. */
export async function getCode(id: string): Promise<QrCode | null> {
  if (!isUuid(id)) return null
  return findCodeById(await getDatabase(), id.toLowerCase())
}

export async function getCodeBySlug(slug: string): Promise<QrCode | null> {
  return findCodeBySlug(await getDatabase(), slug)
}

const SHARE_TOKEN_PATTERN = /^[0-9a-f]{32}$/

/** Returns the code whose projector share link carries `token`, or null. */
export async function getCodeByShareToken(token: string): Promise<QrCode | null> {
  if (!SHARE_TOKEN_PATTERN.test(token)) return null
  return findCodeByShareToken(await getDatabase(), token)
}

export async function rotateCodeShareLink(id: string): Promise<boolean> {
  if (!isUuid(id)) return false
  const rotated = await rotateShareToken(await getDatabase(), id.toLowerCase())
  if (rotated) logger.info({ codeId: id }, 'projector share link rotated')
  return rotated
}

export async function listCodesPage(page: number, pageSize: number, archived = false) {
  const size = Math.min(Math.max(1, pageSize), MAX_PAGE_SIZE)
  const pageNumber = Math.max(1, page)
  const { codes, total } = await listCodes(await getDatabase(), { limit: size, offset: (pageNumber - 1) * size, archived })
  return { codes, total, page: pageNumber, pageSize: size, pageCount: Math.max(1, Math.ceil(total / size)) }
}

export async function getScanCounts(ids: readonly string[]): Promise<ScanCount[]> {
  return findScanCounts(await getDatabase(), ids.filter(isUuid).map((id) => id.toLowerCase()))
}

/** A code as the JSON API returns it. */
export function toCodeJson(code: QrCode) {
  return {
    id: code.id,
    slug: code.slug,
    kind: code.kind,
    title: code.title,
    ...(code.kind === 'url' ? { destination: code.destination } : { message: code.message }),
    shortUrl: code.shortUrl,
    scanCount: code.scanCount,
    lastScannedAt: code.lastScannedAt?.toISOString() ?? null,
    createdAt: code.createdAt.toISOString(),
    paused: code.pausedAt !== null,
    expiresAt: code.expiresAt?.toISOString() ?? null,
    maxScans: code.maxScans,
    fallbackUrl: code.fallbackUrl,
    archived: code.archivedAt !== null,
  }
}
