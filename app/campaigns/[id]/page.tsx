import type { Metadata } from 'next'
import { headers } from 'next/headers'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { rotateCampaignShareLinkAction } from '@/app/actions/campaigns'
import { AddCodeForm } from '@/components/campaigns/add-code-form'
import { CampaignPanel } from '@/components/campaigns/campaign-panel'
import { RenameCampaignForm } from '@/components/campaigns/rename-campaign-form'
import { SiteHeader } from '@/components/site-header'
import { CopyButton } from '@/components/ui/copy-button'
import { secondaryButtonClass } from '@/components/ui/form'
import { requireAdminPage } from '@/lib/auth/guards'
import { hasAdminSession } from '@/lib/auth/session'
import { getCampaign, getPickerCodes, PICKER_LIMIT } from '@/lib/campaigns/service'
import { MAX_CODES_PER_CAMPAIGN } from '@/lib/campaigns/types'
import { toCampaignCodeViews } from '@/lib/campaigns/view'
import { resolveSiteOrigin } from '@/lib/http/site-origin'

export async function generateMetadata({ params }: PageProps<'/campaigns/[id]'>): Promise<Metadata> {
  if (!(await hasAdminSession())) return { title: 'Sign in' }
  const campaign = await getCampaign((await params).id)
  return { title: campaign?.name ?? 'Campaign not found' }
}

export default async function CampaignPage({ params }: PageProps<'/campaigns/[id]'>) {
  const { id } = await params
  await requireAdminPage(`/campaigns/${id}`)
  const campaign = await getCampaign(id)
  if (!campaign) notFound()

  const picker = await getPickerCodes(campaign.id)
  const shareUrl = `${resolveSiteOrigin(await headers())}/c/${campaign.shareToken}`

  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-6xl space-y-6 px-4 py-6">
        <div>
          <Link href="/campaigns" className="text-sm text-indigo-700 underline">
            ← All campaigns
          </Link>
          <h1 className="mt-2 text-2xl font-semibold break-words">{campaign.name}</h1>
          <nav aria-label="Campaign tools" className="mt-3 flex flex-wrap gap-2">
            <Link href={`/campaigns/${campaign.id}/live`} className={secondaryButtonClass}>
              Projector
            </Link>
          </nav>
        </div>

        <div className="grid gap-6 lg:grid-cols-2">
          {/* Keyed by the member list, so the live counts start again from the new set after an add or a remove. */}
          <CampaignPanel key={campaign.codes.map((code) => code.id).join(',')} campaignId={campaign.id} codes={toCampaignCodeViews(campaign)} />

          <div className="space-y-6">
            <section aria-labelledby="add-code-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id="add-code-heading" className="text-lg font-semibold">
                Add a code
              </h2>
              <AddCodeForm
                campaignId={campaign.id}
                options={picker.codes.map((code) => ({
                  id: code.id,
                  text: `${code.title ?? 'Untitled'} (/s/${code.slug}, ${code.scanCount.toLocaleString('en')} ${code.scanCount === 1 ? 'scan' : 'scans'})`,
                }))}
                full={campaign.codes.length >= MAX_CODES_PER_CAMPAIGN}
                truncatedAt={picker.truncated ? PICKER_LIMIT : null}
              />
            </section>

            <section aria-labelledby="settings-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id="settings-heading" className="text-lg font-semibold">
                Name and projector link
              </h2>
              <RenameCampaignForm key={campaign.name} campaignId={campaign.id} name={campaign.name} />
              <div className="space-y-2 text-sm">
                <p className="font-medium text-slate-700">Public projector link</p>
                <p className="text-slate-600">Anyone with this link sees the campaign&apos;s code titles and counts, without signing in.</p>
                <p className="flex items-center gap-2">
                  <a href={shareUrl} className="font-mono break-all text-indigo-700 underline">
                    {shareUrl}
                  </a>
                  <CopyButton text={shareUrl} label="Copy projector link" />
                </p>
                <form action={rotateCampaignShareLinkAction}>
                  <input type="hidden" name="campaignId" value={campaign.id} />
                  <button type="submit" className={secondaryButtonClass}>
                    Replace link
                  </button>
                </form>
              </div>
            </section>
          </div>
        </div>
      </main>
    </>
  )
}
