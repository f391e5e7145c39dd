import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ProjectorForCode } from '@/components/live/projector-for-code'
import { requireAdminPage } from '@/lib/auth/guards'
import { hasAdminSession } from '@/lib/auth/session'
import { getCode } from '@/lib/codes/service'

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

  return <ProjectorForCode code={code} />
}
