import type { Metadata } from 'next'
import Link from 'next/link'

import { CreateCampaignForm } from '@/components/campaigns/create-campaign-form'
import { SiteHeader } from '@/components/site-header'
import { LocalTime } from '@/components/ui/local-time'
import { requireAdminPage } from '@/lib/auth/guards'
import { getCampaigns } from '@/lib/campaigns/service'

export const metadata: Metadata = { title: 'Campaigns' }

export default async function CampaignsPage() {
  await requireAdminPage('/campaigns')
  const campaigns = await getCampaigns()

  return (
    <>
      <SiteHeader />
      <main className="mx-auto grid max-w-6xl gap-6 px-4 py-6 lg:grid-cols-2">
        <CreateCampaignForm />
        <section aria-labelledby="campaigns-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="campaigns-heading" className="text-lg font-semibold">
            Campaigns
          </h2>
          {campaigns.length === 0 ? (
            <p className="mt-3 text-sm text-slate-500">No campaigns yet. Create one, then add the codes whose scans it should add up.</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-200">
              {campaigns.map((campaign) => (
                <li key={campaign.id} className="flex items-center justify-between gap-4 py-3" data-testid="campaign-row">
                  <div className="min-w-0">
                    <Link href={`/campaigns/${campaign.id}`} className="font-medium break-words text-indigo-700 underline">
                      {campaign.name}
                    </Link>
                    <p className="text-sm text-slate-500">
                      {campaign.codeCount} {campaign.codeCount === 1 ? 'code' : 'codes'} · created <LocalTime iso={campaign.createdAt.toISOString()} />
                    </p>
                  </div>
                  <p className="shrink-0 text-sm tabular-nums">
                    {campaign.scanCount.toLocaleString('en')} {campaign.scanCount === 1 ? 'scan' : 'scans'}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  )
}
