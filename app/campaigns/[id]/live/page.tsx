import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { CampaignProjector } from '@/components/campaigns/campaign-projector'
import { requireAdminPage } from '@/lib/auth/guards'
import { getCampaign } from '@/lib/campaigns/service'
import { toCampaignCodeViews } from '@/lib/campaigns/view'

export const metadata: Metadata = { title: 'Projector' }

export default async function CampaignProjectorPage({ params }: PageProps<'/campaigns/[id]/live'>) {
  const { id } = await params
  await requireAdminPage(`/campaigns/${id}/live`)
  const campaign = await getCampaign(id)
  if (!campaign) notFound()
  return <CampaignProjector name={campaign.name} codes={toCampaignCodeViews(campaign)} />
}
