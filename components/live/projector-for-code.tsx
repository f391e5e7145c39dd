import { Projector } from '@/components/live/projector'
import type { QrCode } from '@/lib/codes/types'
import { toCodeView } from '@/lib/codes/view'

/** Renders the projector page for a code, for both the admin route and the share link. */
export function ProjectorForCode({ code }: { code: QrCode }) {
  const view = toCodeView(code)
  return (
    <Projector
      id={view.id}
      title={view.title ?? 'Scan me'}
      shortUrl={view.shortUrl}
      qrSvgDataUri={view.qrSvgDataUri}
      scanCount={view.scanCount}
      lastScannedAt={view.lastScannedAt}
    />
  )
}
