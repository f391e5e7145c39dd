import type { Campaign } from '@/lib/campaigns/types'

/** A campaign's code as client components receive it: plain, serialisable values. */
export interface CampaignCodeView {
  id: string
  /** The code's title, or its short link's path for a code without a title. */
  title: string
  scanCount: number
  lastScannedAt: string | null
}

export function toCampaignCodeViews(campaign: Campaign): CampaignCodeView[] {
  return campaign.codes.map((code) => ({
    id: code.id,
    title: code.title ?? `/s/${code.slug}`,
    scanCount: code.scanCount,
    lastScannedAt: code.lastScannedAt?.toISOString() ?? null,
  }))
}
