import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Projector } from '@/components/live/projector'
import { requireAdminPage } from '@/lib/auth/guards'
import { hasAdminSession } from '@/lib/auth/session'
import { getCode } from '@/lib/codes/service'
import { toCodeView } from '@/lib/codes/view'

export async function generateMetadata({ params }: PageProps<'/live/[id]'>): Promise<Metadata> {
  if (!(await hasAdminSession())) return { title: 'Sign in' }
  const code = await getCode((await params).id)
  return { title: code ? `Live: ${code.title ?? `/s/${code.slug}`}` : 'Code not found' }
}

export default async function ProjectorPage({ params }: PageProps<'/live/[id]'>) {
  const { id } = await params
  await requireAdminPage(`/live/${id}`)
  const code = await getCode(id)
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
