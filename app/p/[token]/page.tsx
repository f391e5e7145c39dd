import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Projector } from '@/components/live/projector'
import { getCodeByShareToken } from '@/lib/codes/service'
import { toCodeView } from '@/lib/codes/view'

export const metadata: Metadata = { title: 'Live', robots: { index: false } }

/** The projector page reached through a share link: public, because the token is unguessable. */
export default async function SharedProjectorPage({ params }: PageProps<'/p/[token]'>) {
  const code = await getCodeByShareToken((await params).token)
  if (!code) notFound()

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
