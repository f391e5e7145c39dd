import QRCode from 'qrcode'

export const QR_ERROR_CORRECTION = 'M' as const
export const MIN_PNG_SIZE = 64
// 4096 px is 34.7 cm wide at 300 dpi, enough for a poster.
export const MAX_PNG_SIZE = 4096
export const DEFAULT_PNG_SIZE = 512

// The QR alphanumeric character set: 0-9, A-Z, space and $ % * + - . / :
const QR_ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/
// A code's short link /s/<slug>, or an attendee's personal code /t/<token>.
const SHORT_PATH = /^\/(s\/[a-z0-9]+|t\/[0-9a-f]{32})$/

/**
 * Returns the text to encode for a short URL. When the URL is only scheme, host and
 * `/s/<slug>` (or `/t/<token>`), it is upper-cased so that the QR uses alphanumeric mode, which needs fewer
 * modules than byte mode: a 35-character link fits version 2 at level M. Scheme and host
 * are case-insensitive, and the routes accept any case of the path.
 */
export function toQrText(shortUrl: string): string {
  const url = new URL(shortUrl)
  if (!SHORT_PATH.test(url.pathname) || url.search !== '' || url.hash !== '') return shortUrl

  const upper = `${url.protocol}//${url.host}${url.pathname}`.toUpperCase()
  return QR_ALPHANUMERIC.test(upper) ? upper : shortUrl
}

/** Renders the QR for a short URL as an SVG document. */
export async function renderQrSvg(shortUrl: string): Promise<string> {
  return QRCode.toString(toQrText(shortUrl), { type: 'svg', errorCorrectionLevel: QR_ERROR_CORRECTION, margin: 4 })
}

/** Encodes any text (byte mode for non-ASCII, as UTF-8) as a PNG QR `size` pixels wide. */
export async function encodeQrPng(text: string, size: number): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: QR_ERROR_CORRECTION, margin: 4, width: size })
}

/** Renders the QR for a short URL as a PNG `size` pixels wide. */
export async function renderQrPng(shortUrl: string, size: number): Promise<Buffer> {
  return encodeQrPng(toQrText(shortUrl), size)
}

/** Returns the QR version (1 to 40) that `shortUrl` needs. */
export function getQrVersion(shortUrl: string): number {
  return QRCode.create(toQrText(shortUrl), { errorCorrectionLevel: QR_ERROR_CORRECTION }).version
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0'])

/** Tells whether a phone on the network cannot open this short URL, because its host is this machine. */
export function isLocalOnlyUrl(shortUrl: string): boolean {
  const hostname = new URL(shortUrl).hostname
  return LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost') || hostname.startsWith('127.')
}
