import type { CodeKind } from '@/lib/codes/types'

/** A live subscription and /api/counts take at most 100 code ids, so a campaign contains at most 100 codes. */
export const MAX_CODES_PER_CAMPAIGN = 100

/** A campaign as the list shows it: its combined count, without the codes. */
export interface CampaignSummary {
  id: string
  name: string
  /** The secret part of the public projector link /c/<shareToken>. */
  shareToken: string
  codeCount: number
  /** The sum of the scan counts of the campaign's codes. */
  scanCount: number
  createdAt: Date
}

/** One code of a campaign, with its current count. */
export interface CampaignCode {
  id: string
  slug: string
  kind: CodeKind
  title: string | null
  shortUrl: string
  position: number
  scanCount: number
  lastScannedAt: Date | null
}

/** A campaign with its codes in display order. */
export interface Campaign extends CampaignSummary {
  codes: CampaignCode[]
}
