'use client'

import { ShareBar } from '@/components/campaigns/share-bar'
import { useCampaignCounts } from '@/components/campaigns/use-campaign-counts'
import { ProjectorShell } from '@/components/live/projector'
import type { CampaignCodeView } from '@/lib/campaigns/view'

/** Renders a campaign's projector page: the combined count in large digits, and each code's count and share. */
export function CampaignProjector({ name, codes }: { name: string; codes: CampaignCodeView[] }) {
  const { total, rows, status } = useCampaignCounts(codes)

  return (
    <ProjectorShell title={name} status={status}>
      <main className="flex flex-1 flex-col items-center justify-center gap-10 px-8 pb-10">
        <div className="text-center">
          <div
            className="font-bold leading-none tabular-nums"
            style={{ fontSize: rows.length > 6 ? 'clamp(4rem, 12vw, 14rem)' : 'clamp(5rem, 16vw, 20rem)' }}
            data-testid="campaign-total"
            aria-live="polite"
          >
            {total.toLocaleString('en')}
          </div>
          <div className="mt-2 text-3xl text-slate-300 lg:text-4xl">{total === 1 ? 'scan' : 'scans'} in all</div>
        </div>
        {rows.length === 0 ? (
          <p className="text-2xl text-slate-300">This campaign has no codes yet.</p>
        ) : (
          <ul aria-label="Scans by code" className="grid w-full max-w-5xl gap-x-12 gap-y-5 text-xl lg:grid-cols-2 lg:text-2xl">
            {rows.map((row) => (
              <ShareBar key={row.id} row={row} className="" trackClassName="h-4 bg-white/15" fillClassName="bg-sky-400" />
            ))}
          </ul>
        )}
      </main>
    </ProjectorShell>
  )
}
