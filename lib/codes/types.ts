/** `venue` codes belong to events: their short link leads to the self check-in page. */
export type CodeKind = 'url' | 'message' | 'venue'

/** A QR code with its current count, as the app and the JSON API use it. */
export interface QrCode {
  id: string
  slug: string
  kind: CodeKind
  title: string | null
  /** The redirect target of a `url` code; null for a `message` code. */
  destination: string | null
  /** The text of a `message` code; null for a `url` code. */
  message: string | null
  /** The absolute short link that the QR encodes. */
  shortUrl: string
  qrSvg: string
  /** The secret part of the public projector link /p/<shareToken>. */
  shareToken: string
  scanCount: number
  lastScannedAt: Date | null
  createdAt: Date
  pausedAt: Date | null
  expiresAt: Date | null
  /** The maximum number of human scans the code counts; later scans get the closed page. */
  maxScans: number | null
  /** The URL a paused, expired or exhausted code redirects to instead of showing the closed page. */
  fallbackUrl: string | null
  archivedAt: Date | null
}

/** The live part of a code: the only data that live updates carry. */
export interface ScanCount {
  id: string
  scanCount: number
  lastScannedAt: string | null
  /** For an event's venue code: attendees checked in. 0 for other codes. */
  checkedIn: number
  /** For an event's venue code: attendees on the list who are not cancelled. 0 for other codes. */
  expected: number
  /** Grows by one on every change, so the newer of two values is the one with the higher version. */
  version: number
}
