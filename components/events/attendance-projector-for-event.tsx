import { AttendanceProjector } from '@/components/events/attendance-projector'
import type { EventRecord } from '@/lib/events/types'

/** Renders an event's projector page, for both the admin route and the share link. */
export function AttendanceProjectorForEvent({ event, viaShareLink }: { event: EventRecord; viaShareLink: boolean }) {
  return (
    <AttendanceProjector
      eventId={event.id}
      codeId={event.codeId}
      name={event.name}
      checkedIn={event.checkedIn}
      expected={event.expected}
      venue={
        event.selfCheckIn === 'off'
          ? null
          : { shortUrl: event.shortUrl, qrSvgDataUri: `data:image/svg+xml;base64,${Buffer.from(event.qrSvg).toString('base64')}` }
      }
      shareToken={viaShareLink ? event.shareToken : null}
    />
  )
}
