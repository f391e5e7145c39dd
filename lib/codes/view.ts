import { isLocalOnlyUrl } from '@/lib/codes/qr'
import type { CodeKind, QrCode } from '@/lib/codes/types'

/** A code as client components receive it: plain, serialisable values. */
export interface CodeView {
  id: string
  slug: string
  kind: CodeKind
  title: string | null
  destination: string | null
  message: string | null
  shortUrl: string
  qrSvgDataUri: string
  /** True when the short link's host is this machine, so phones cannot open it. */
  localOnly: boolean
  scanCount: number
  lastScannedAt: string | null
  createdAt: string
}

export function toCodeView(code: QrCode): CodeView {
  return {
    id: code.id,
    slug: code.slug,
    kind: code.kind,
    title: code.title,
    destination: code.destination,
    message: code.message,
    shortUrl: code.shortUrl,
    qrSvgDataUri: `data:image/svg+xml;base64,${Buffer.from(code.qrSvg).toString('base64')}`,
    localOnly: isLocalOnlyUrl(code.shortUrl),
    scanCount: code.scanCount,
    lastScannedAt: code.lastScannedAt?.toISOString() ?? null,
    createdAt: code.createdAt.toISOString(),
  }
}

/** A code as a list row shows it, without the QR image. */
export type CodeSummary = Omit<CodeView, 'qrSvgDataUri' | 'localOnly' | 'shortUrl'>

export function toCodeSummary(code: QrCode): CodeSummary {
  return {
    id: code.id,
    slug: code.slug,
    kind: code.kind,
    title: code.title,
    destination: code.destination,
    message: code.message,
    scanCount: code.scanCount,
    lastScannedAt: code.lastScannedAt?.toISOString() ?? null,
    createdAt: code.createdAt.toISOString(),
  }
}
