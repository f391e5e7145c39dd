import type { BadgeView } from '@/lib/events/badges'

/**
 * Picks a font size for the first name so that it fits the 39 mm text column on one line,
 * assuming bold sans-serif letters average 0.6 em. Wider names still wrap rather than overflow.
 */
function firstNameSizeClass(name: string): string {
  const length = Array.from(name).length
  if (length <= 6) return 'text-[26pt]'
  if (length <= 8) return 'text-[21pt]'
  if (length <= 10) return 'text-[17pt]'
  if (length <= 13) return 'text-[14pt]'
  return 'text-[11pt]'
}

/** Renders one printed badge: names and ticket type on the left, the personal code on the right. */
export function BadgeCard({ badge, eventName }: { badge: BadgeView; eventName: string }) {
  return (
    <article className="badge flex items-center gap-[3mm] overflow-hidden border border-dashed border-slate-300 bg-white p-[4mm]" data-testid="badge">
      <div className="flex min-w-0 flex-1 flex-col gap-[1.5mm] self-stretch">
        <p className="line-clamp-2 text-[8pt] font-medium tracking-wide break-words text-slate-500 uppercase">{eventName}</p>
        <p className={`${firstNameSizeClass(badge.firstName)} leading-tight font-bold break-words`}>{badge.firstName}</p>
        <p className="text-[10pt] leading-snug break-words">{badge.name}</p>
        {badge.ticketType ? (
          <p className="mt-auto self-start rounded border border-slate-400 px-[1.5mm] py-[0.5mm] text-[8pt] font-medium break-words">
            {badge.ticketType}
          </p>
        ) : null}
      </div>
      {/* Inline, because as <img> data URIs a part of 400 badges took Chromium about 5 s to load, and inline 2.5 s (2-core VM). */}
      <div role="img" aria-label={`Check-in code for ${badge.name}`} className="badge-qr shrink-0" dangerouslySetInnerHTML={{ __html: badge.qrSvg }} />
    </article>
  )
}
