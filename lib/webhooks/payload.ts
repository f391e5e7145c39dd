import type { StoredEventType } from '@/lib/db/webhooks'
import { describeUserAgent } from '@/lib/scans/user-agent'

export interface EventRecord {
  eventId: string
  eventType: StoredEventType
  eventData: Record<string, unknown>
  eventCreatedAt: Date
}

interface StoredScan {
  id: number
  scannedAt: string
  label: string
  userAgent: string | null
  referrer: string | null
  country: string | null
  ip: string | null
}

/** Returns the host of a referrer URL, or null: receivers get where a scan came from, not the full URL with its query. */
function referrerHost(referrer: string | null): string | null {
  if (!referrer) return null
  try {
    return new URL(referrer).host || null
  } catch {
    return null
  }
}

/**
 * Builds the JSON body of an event. It depends only on the stored event, so every attempt sends
 * the same body. A scan's stored address is null unless SCAN_CAPTURE_IP was on when it was
 * recorded, and it is sent only then.
 */
export function buildEventBody(event: EventRecord): string {
  const { code, scan, ...rest } = event.eventData as { code?: unknown; scan?: StoredScan }
  const data: Record<string, unknown> = { ...(code === undefined ? {} : { code }), ...rest }

  if (scan) {
    data.scan = {
      id: scan.id,
      scannedAt: new Date(scan.scannedAt).toISOString(),
      label: scan.label,
      userAgent: describeUserAgent(scan.userAgent),
      referrerHost: referrerHost(scan.referrer),
      country: scan.country,
      ...(scan.ip ? { ip: scan.ip } : {}),
    }
  }

  return JSON.stringify({
    id: event.eventId,
    type: event.eventType,
    createdAt: event.eventCreatedAt.toISOString(),
    data,
  })
}
