import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_HEADER = 'Scanboard-Signature'
export const TIMESTAMP_HEADER = 'Scanboard-Timestamp'
export const EVENT_ID_HEADER = 'Scanboard-Event-Id'
export const EVENT_TYPE_HEADER = 'Scanboard-Event-Type'

/** Generates an endpoint secret: `whsec_` and 32 random bytes in base64url. The whole string is the HMAC key. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`
}

/** Computes the signature header value, `v1=` and the hex HMAC-SHA256 of `timestamp + "." + body`. */
export function signPayload(secret: string, timestamp: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `v1=${digest}`
}

export interface VerifyOptions {
  /** Seconds since the Unix epoch; the current time unless given. */
  now?: number
  /** The maximum age of a timestamp, in seconds; 300 unless given. */
  toleranceSeconds?: number
}

/**
 * Verifies a request the way a receiver should: the signature matches (compared in constant
 * time) and the timestamp is within the tolerance of now, in either direction. Receivers should
 * also drop event ids they have already processed.
 */
export function verifySignature(secret: string, timestampHeader: string, signatureHeader: string, body: string, options: VerifyOptions = {}): boolean {
  const timestamp = Number(timestampHeader)
  if (!/^\d+$/.test(timestampHeader) || !Number.isSafeInteger(timestamp)) return false

  const now = options.now ?? Math.floor(Date.now() / 1000)
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false

  const expected = Buffer.from(signPayload(secret, timestamp, body))
  const received = Buffer.from(signatureHeader)
  return expected.length === received.length && timingSafeEqual(expected, received)
}
