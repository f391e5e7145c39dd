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

/** A code as a list row shows it, without the QR image, with a word for a code that does not count scans now. */
export type CodeSummary = Omit<CodeView, 'qrSvgDataUri' | 'localOnly' | 'shortUrl'> & { closed: 'paused' | 'expired' | 'at its limit' | null }

/** Returns why a code counts no scans now, or null while it is open. */
export function closedState(code: QrCode, now = new Date()): CodeSummary['closed'] {
  if (code.pausedAt) return 'paused'
  if (code.expiresAt && code.expiresAt <= now) return 'expired'
  if (code.maxScans !== null && code.scanCount >= code.maxScans) return 'at its limit'
  return null
}

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
    closed: closedState(code),
  }
}
