import type { BadgeView } from '@/lib/events/badges'

/** Picks a font size for the first name so that long names still fit the 36 mm text column. */
function firstNameSizeClass(name: string): string {
  const length = Array.from(name).length
  if (length <= 7) return 'text-[26pt]'
  if (length <= 11) return 'text-[19pt]'
  return 'text-[14pt]'
}

/** Renders one printed badge: names and ticket type on the left, the personal code on the right. */
export function BadgeCard({ badge, eventName }: { badge: BadgeView; eventName: string }) {
  return (
    <article className="badge flex items-center gap-[4mm] overflow-hidden border border-dashed border-slate-300 bg-white p-[5mm]" data-testid="badge">
      <div className="flex min-w-0 flex-1 flex-col gap-[1.5mm] self-stretch">
        <p className="truncate text-[8pt] font-medium tracking-wide text-slate-500 uppercase">{eventName}</p>
        <p className={`${firstNameSizeClass(badge.firstName)} leading-tight font-bold break-words`}>{badge.firstName}</p>
        <p className="text-[10pt] leading-snug break-words">{badge.name}</p>
        {badge.ticketType ? (
          <p className="mt-auto self-start rounded border border-slate-400 px-[1.5mm] py-[0.5mm] text-[8pt] font-medium break-words">
            {badge.ticketType}
          </p>
        ) : null}
      </div>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URI needs no image optimisation */}
      <img src={badge.qrDataUri} alt={`Check-in code for ${badge.name}`} className="badge-qr qr-image shrink-0" />
    </article>
  )
}
