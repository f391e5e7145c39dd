import type { Metadata } from 'next'
import Link from 'next/link'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'

import { BadgeCard } from '@/components/events/badge-card'
import { LocalAddressNote } from '@/components/events/local-address-note'
import { PrintButton } from '@/components/events/print-button'
import { requireAdminPage } from '@/lib/auth/guards'
import { hasAdminSession } from '@/lib/auth/session'
import { isLocalOnlyUrl } from '@/lib/codes/qr'
import {
  BADGES_PER_PART,
  PAPER_LAYOUTS,
  PAPER_SIZES,
  badgeSheetCss,
  loadBadgePart,
  parsePaperSize,
  type PaperSize,
} from '@/lib/events/badges'
import { getEvent } from '@/lib/events/service'
import { resolveSiteOrigin } from '@/lib/http/site-origin'
import { parsePositiveInt } from '@/lib/http/query'

type Props = PageProps<'/events/[id]/badges'>

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!(await hasAdminSession())) return { title: 'Sign in' }
  const event = await getEvent((await params).id)
  return { title: event ? `Badges · ${event.name}` : 'Event not found', robots: { index: false } }
}

/** Printable name badges with personal check-in codes, 8 to a sheet, in parts of 400. */
export default async function BadgesPage({ params, searchParams }: Props) {
  const { id } = await params
  const query = await searchParams
  const paper = parsePaperSize(firstValue(query.paper))
  const requestedPart = parsePositiveInt(firstValue(query.part) ?? null, 1) ?? 1

  await requireAdminPage(`/events/${id}/badges?paper=${paper}&part=${requestedPart}`)
  const event = await getEvent(id)
  if (!event) notFound()

  const origin = resolveSiteOrigin(await headers())
  const badges = await loadBadgePart(event.id, origin, requestedPart)
  const pageHref = (options: { paper?: PaperSize; part?: number }) =>
    `/events/${event.id}/badges?paper=${options.paper ?? paper}&part=${options.part ?? badges.part}`

  return (
    <>
      <style>{badgeSheetCss(paper)}</style>
      <div className="space-y-3 border-b border-slate-200 bg-white px-4 py-4 text-sm print:hidden">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <h1 className="text-lg font-semibold break-words">Badges for {event.name}</h1>
          <nav aria-label="Paper size" className="flex items-center gap-2">
            <span className="text-slate-500">Paper:</span>
            {PAPER_SIZES.map((size) => (
              <Link
                key={size}
                href={pageHref({ paper: size })}
                aria-current={size === paper ? 'page' : undefined}
                className={`rounded-md border px-3 py-1 ${size === paper ? 'border-slate-900 bg-slate-900 text-white' : 'border-slate-300 hover:bg-slate-100'}`}
              >
                {PAPER_LAYOUTS[size].label}
              </Link>
            ))}
          </nav>
          <PrintButton />
          <a href={`/api/events/${event.id}/badges.zip`} className="text-indigo-700 underline">
            Download codes as PNG files (ZIP)
          </a>
        </div>

        <p data-testid="badge-counts">
          {badges.total === 0
            ? 'No badges to print: the list has no attendees with a valid ticket.'
            : `Showing badges ${badges.first.toLocaleString('en')} to ${badges.last.toLocaleString('en')} of ${badges.total.toLocaleString('en')}.`}{' '}
          {badges.cancelled > 0
            ? `${badges.cancelled.toLocaleString('en')} cancelled ${badges.cancelled === 1 ? 'ticket is' : 'tickets are'} left out.`
            : null}
        </p>

        {badges.partCount > 1 ? (
          <nav aria-label="Parts of the list" className="flex flex-wrap items-center gap-2">
            <span className="text-slate-500">The list is split into parts of {BADGES_PER_PART}; print each one:</span>
            {Array.from({ length: badges.partCount }, (_, index) => index + 1).map((part) => (
              <Link
                key={part}
                href={pageHref({ part })}
                aria-current={part === badges.part ? 'page' : undefined}
                className={`rounded-md border px-2 py-0.5 ${part === badges.part ? 'border-slate-900 bg-slate-900 text-white' : 'border-slate-300 hover:bg-slate-100'}`}
              >
                {(part - 1) * BADGES_PER_PART + 1}–{Math.min(part * BADGES_PER_PART, badges.total)}
              </Link>
            ))}
          </nav>
        ) : null}

        <p className="text-slate-500">
          In the print dialog, set the scale to 100% (not &ldquo;Fit to page&rdquo;) so the codes keep their size, and the
          paper to {PAPER_LAYOUTS[paper].label}.
        </p>
        <LocalAddressNote host={isLocalOnlyUrl(origin) ? new URL(origin).host : null} what="These badges" />
      </div>

      <main className="flex flex-col items-center gap-6 bg-slate-100 py-6 print:block print:bg-white print:py-0">
        {badges.sheets.map((sheet, index) => (
          <section
            key={index}
            aria-label={`Sheet ${index + 1}`}
            className="badge-sheet bg-white shadow print:shadow-none"
          >
            {sheet.map((badge) => (
              <BadgeCard key={badge.id} badge={badge} eventName={event.name} />
            ))}
          </section>
        ))}
      </main>
    </>
  )
}
