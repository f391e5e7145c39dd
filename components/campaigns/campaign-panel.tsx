'use client'

import { removeCampaignCodeAction } from '@/app/actions/campaigns'
import { ShareBar } from '@/components/campaigns/share-bar'
import { useCampaignCounts } from '@/components/campaigns/use-campaign-counts'
import { LiveStatusBadge } from '@/components/live/live-status'
import type { CampaignCodeView } from '@/lib/campaigns/view'

/** Renders the campaign page's live combined count, and each code's count and share with a Remove button. */
export function CampaignPanel({ campaignId, codes }: { campaignId: string; codes: CampaignCodeView[] }) {
  const { total, rows, status } = useCampaignCounts(codes)

  return (
    <section aria-labelledby="campaign-counts-heading" className="self-start rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="campaign-counts-heading" className="text-lg font-semibold">
        Scans
      </h2>
      <div className="mt-2 flex items-baseline gap-3">
        <span className="text-5xl font-bold tabular-nums" data-testid="campaign-total">
          {total.toLocaleString('en')}
        </span>
        <span className="text-slate-500">{total === 1 ? 'scan' : 'scans'} in all</span>
        {codes.length > 0 ? <LiveStatusBadge status={status} className="text-slate-600" /> : null}
      </div>
      {rows.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">No codes yet. Add codes below; their scans add up here.</p>
      ) : (
        <ul aria-label="Scans by code" className="mt-4 space-y-4 text-sm">
          {rows.map((row) => (
            <ShareBar key={row.id} row={row} className="" trackClassName="h-2.5 bg-slate-200" fillClassName="bg-indigo-600">
              <form action={removeCampaignCodeAction}>
                <input type="hidden" name="campaignId" value={campaignId} />
                <input type="hidden" name="codeId" value={row.id} />
                <button type="submit" aria-label={`Remove ${row.title}`} className="text-xs text-red-700 underline hover:text-red-900">
                  Remove
                </button>
              </form>
            </ShareBar>
          ))}
        </ul>
      )}
    </section>
  )
}
