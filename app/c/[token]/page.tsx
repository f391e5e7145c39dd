import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { CampaignProjector } from '@/components/campaigns/campaign-projector'
import { getCampaignByShareToken } from '@/lib/campaigns/service'
import { toCampaignCodeViews } from '@/lib/campaigns/view'

export const metadata: Metadata = { title: 'Live', robots: { index: false } }

/** Renders a campaign's projector page reached through its share link: public, because the token is unguessable. */
export default async function SharedCampaignProjectorPage({ params }: PageProps<'/c/[token]'>) {
  const campaign = await getCampaignByShareToken((await params).token)
  if (!campaign) notFound()
  return <CampaignProjector name={campaign.name} codes={toCampaignCodeViews(campaign)} />
}
