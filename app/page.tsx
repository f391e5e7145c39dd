import Link from 'next/link'
import { redirect } from 'next/navigation'

import { CodesTable } from '@/components/codes/codes-table'
import { CreateCodePanel } from '@/components/codes/create-code-form'
import { SiteHeader } from '@/components/site-header'
import { requireAdminPage } from '@/lib/auth/guards'
import { listCodesPage } from '@/lib/codes/service'
import { toCodeSummary, toCodeView } from '@/lib/codes/view'
import { parsePositiveInt } from '@/lib/http/query'

const PAGE_SIZE = 20

export default async function HomePage({ searchParams }: PageProps<'/'>) {
  const query = await searchParams
  const pageParam = query.page
  const archived = query.archived === '1'
  const page = parsePositiveInt(typeof pageParam === 'string' ? pageParam : null, 1) ?? 1
  await requireAdminPage(page > 1 ? `/?page=${page}` : '/')

  const list = await listCodesPage(page, PAGE_SIZE, archived)
  if (list.total > 0 && page > list.pageCount) redirect(`/?page=${list.pageCount}`)
  const newest = page === 1 ? list.codes[0] : (await listCodesPage(1, 1)).codes[0]

  return (
    <>
      <SiteHeader />
      <main className="mx-auto grid max-w-6xl gap-6 px-4 py-6 lg:grid-cols-2">
        <CreateCodePanel newest={newest ? toCodeView(newest) : null} />
        <div className="space-y-2">
          <CodesTable codes={list.codes.map(toCodeSummary)} page={list.page} pageCount={list.pageCount} total={list.total} />
          <Link href={archived ? '/' : '/?archived=1'} className="inline-block text-sm text-indigo-700 underline">
            {archived ? 'Back to active codes' : 'Show archived codes'}
          </Link>
        </div>
      </main>
    </>
  )
}
