import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ProjectorForCode } from '@/components/live/projector-for-code'
import { getCodeByShareToken } from '@/lib/codes/service'

export const metadata: Metadata = { title: 'Live', robots: { index: false } }

/** Renders the projector page reached through a share link: public, because the token is unguessable. */
export default async function SharedProjectorPage({ params }: PageProps<'/p/[token]'>) {
  const code = await getCodeByShareToken((await params).token)
  if (!code) notFound()

  return <ProjectorForCode code={code} />
}
