import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { LocalTime } from '@/components/ui/local-time'
import { getCodeBySlug } from '@/lib/codes/service'
import { normalizeSlug } from '@/lib/codes/slug'

export const metadata: Metadata = { robots: { index: false } }

/** Shows a message code's text. The scan was counted by /s/<slug>, so this page counts nothing. */
export default async function MessagePage({ params }: PageProps<'/m/[slug]'>) {
  const slug = normalizeSlug((await params).slug)
  const code = slug ? await getCodeBySlug(slug) : null
  if (!code || code.kind !== 'message') notFound()

  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-5 py-10">
      <article className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        {code.title ? <h1 className="text-xl font-semibold break-words">{code.title}</h1> : null}
        <p className="mt-3 text-lg leading-relaxed break-words whitespace-pre-wrap" data-testid="message">
          {code.message}
        </p>
        <p className="mt-6 text-sm text-slate-500">
          Posted <LocalTime iso={code.createdAt.toISOString()} />
        </p>
      </article>
    </main>
  )
}
