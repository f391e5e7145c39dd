import 'server-only'

import { renderQrSvg } from '@/lib/codes/qr'
import { getAllAttendees, personalCodeUrl } from '@/lib/events/service'
import { firstName, type Attendee } from '@/lib/events/types'

export type PaperSize = 'a4' | 'letter'

export const PAPER_SIZES: readonly PaperSize[] = ['a4', 'letter']

/**
 * A sheet layout: 2 columns by 4 rows of badges inside 10 mm page margins. The rows leave a
 * few millimetres spare so that rounding in the print engine cannot push a row onto a new page.
 */
export interface PaperLayout {
  label: string
  /** The CSS `@page` size keyword. */
  cssSize: string
  /** Height of one badge in millimetres. A4 has 277 mm inside the margins, Letter 259 mm. */
  badgeHeightMm: number
}

export const PAPER_LAYOUTS: Record<PaperSize, PaperLayout> = {
  a4: { label: 'A4', cssSize: 'A4', badgeHeightMm: 69 },
  letter: { label: 'Letter', cssSize: 'letter', badgeHeightMm: 64 },
}

export const PAGE_MARGIN_MM = 10
/** Width of one badge in millimetres: two fit the 190 mm of A4 and the 196 mm of Letter inside the margins. */
export const BADGE_WIDTH_MM = 95
export const BADGE_COLUMNS = 2
export const BADGE_ROWS = 4
export const BADGES_PER_SHEET = BADGE_COLUMNS * BADGE_ROWS
/**
 * Badges on one web page: 50 sheets. Larger lists are split into parts, each printed on its
 * own, to keep each page and print job small.
 */
export const BADGES_PER_PART = 400

/**
 * Printed width of the QR image, quiet zone included. The symbol inside measures 34 mm or more
 * (version 2 and up), enough to scan from about 30 cm by the rule of thumb of a tenth of the distance.
 */
export const BADGE_QR_SIZE_MM = 45

/** Reads the `paper` query parameter: A4 unless it is `letter`, ignoring case. */
export function parsePaperSize(value: string | undefined): PaperSize {
  return value?.toLowerCase() === 'letter' ? 'letter' : 'a4'
}

/** Builds the print CSS for one paper size: the `@page` rule and a sheet grid that fits inside its margins. */
export function badgeSheetCss(paper: PaperSize): string {
  const layout = PAPER_LAYOUTS[paper]
  const sheetWidth = BADGE_WIDTH_MM * BADGE_COLUMNS
  const sheetHeight = layout.badgeHeightMm * BADGE_ROWS

  return `@page { size: ${layout.cssSize}; margin: ${PAGE_MARGIN_MM}mm; }
.badge-sheet {
  display: grid;
  grid-template-columns: repeat(${BADGE_COLUMNS}, ${BADGE_WIDTH_MM}mm);
  grid-template-rows: repeat(${BADGE_ROWS}, ${layout.badgeHeightMm}mm);
  width: ${sheetWidth}mm;
  height: ${sheetHeight}mm;
  break-after: page;
}
.badge-sheet:last-child { break-after: auto; }
.badge { break-inside: avoid; }
.badge-qr { width: ${BADGE_QR_SIZE_MM}mm; height: ${BADGE_QR_SIZE_MM}mm; }
@media print {
  body { background: white; }
}`
}

/** One badge as the print page shows it. */
export interface BadgeView {
  id: string
  firstName: string
  name: string
  ticketType: string | null
  /** The personal code as an SVG data URI. */
  qrDataUri: string
}

export interface BadgePart {
  /** The badges of this part, in list order, grouped by printed sheet. */
  sheets: BadgeView[][]
  /** 1-based part number, clamped to the parts that exist. */
  part: number
  partCount: number
  /** 1-based list numbers of the first and last badge in this part, 0 and 0 when there are none. */
  first: number
  last: number
  /** Badges to print: attendees whose ticket is not cancelled. */
  total: number
  cancelled: number
}

/** Returns the attendees who get a badge: everyone whose ticket is not cancelled, in list order. */
export async function getBadgeAttendees(eventId: string): Promise<{ attendees: Attendee[]; cancelled: number }> {
  const all = await getAllAttendees(eventId)
  const attendees = all.filter((attendee) => attendee.cancelledAt === null)
  return { attendees, cancelled: all.length - attendees.length }
}

/** Loads one part of an event's badges, with each attendee's personal code rendered for `origin`. */
export async function loadBadgePart(eventId: string, origin: string, requestedPart: number): Promise<BadgePart> {
  const { attendees, cancelled } = await getBadgeAttendees(eventId)
  const partCount = Math.max(1, Math.ceil(attendees.length / BADGES_PER_PART))
  const part = Math.min(Math.max(1, requestedPart), partCount)
  const start = (part - 1) * BADGES_PER_PART
  const slice = attendees.slice(start, start + BADGES_PER_PART)

  const badges = await Promise.all(slice.map((attendee) => toBadgeView(attendee, origin)))
  const sheets: BadgeView[][] = []
  for (let index = 0; index < badges.length; index += BADGES_PER_SHEET) {
    sheets.push(badges.slice(index, index + BADGES_PER_SHEET))
  }

  return {
    sheets,
    part,
    partCount,
    first: slice.length > 0 ? start + 1 : 0,
    last: start + slice.length,
    total: attendees.length,
    cancelled,
  }
}

async function toBadgeView(attendee: Attendee, origin: string): Promise<BadgeView> {
  const svg = await renderQrSvg(personalCodeUrl(origin, attendee.token))
  return {
    id: attendee.id,
    firstName: firstName(attendee.name),
    name: attendee.name,
    ticketType: attendee.ticketType,
    qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  }
}
