import type { CampaignRow } from '@/components/campaigns/use-campaign-counts'

/**
 * Renders one code's share of the campaign as a labelled bar. The title, the count and the
 * percentage are written out, so the bar is readable without colour.
 */
export function ShareBar({
  row,
  className,
  trackClassName,
  fillClassName,
  children,
}: {
  row: CampaignRow
  className: string
  trackClassName: string
  fillClassName: string
  /** Controls shown after the numbers, such as a Remove button. */
  children?: React.ReactNode
}) {
  const titleId = `share-${row.id}`
  return (
    <li className={className} data-testid="campaign-code-row">
      <div className="flex items-baseline justify-between gap-4">
        <span id={titleId} className="min-w-0 break-words">
          {row.title}
        </span>
        <span className="flex shrink-0 items-baseline gap-3 tabular-nums">
          <span data-testid="campaign-code-count">
            {row.count.toLocaleString('en')} {row.count === 1 ? 'scan' : 'scans'}
          </span>
          <span data-testid="campaign-code-share" className="font-semibold">
            {row.percentText}
          </span>
          {children}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={titleId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={row.percent}
        aria-valuetext={`${row.percentText} of all scans`}
        className={`mt-1 overflow-hidden rounded-full ${trackClassName}`}
      >
        <div className={`h-full transition-[width] duration-500 ${fillClassName}`} style={{ width: `${row.percent}%` }} />
      </div>
    </li>
  )
}
