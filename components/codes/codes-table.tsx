'use client'

import Link from 'next/link'

import { LiveStatusBadge } from '@/components/live/live-status'
import { initialCounts, useLiveCounts } from '@/components/live/use-live-counts'
import { LocalTime } from '@/components/ui/local-time'
import type { CodeSummary } from '@/lib/codes/view'

interface CodesTableProps {
  codes: CodeSummary[]
  page: number
  pageCount: number
  total: number
}

/** Renders the admin view: codes newest first with live scan counts, one page at a time. */
export function CodesTable({ codes, page, pageCount, total }: CodesTableProps) {
  const { counts, status } = useLiveCounts(
    codes.map((code) => code.id),
    initialCounts(codes),
  )

  return (
    <section aria-labelledby="codes-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-center justify-between">
        <h2 id="codes-heading" className="text-lg font-semibold">
          All codes <span className="text-sm font-normal text-slate-500">({total.toLocaleString('en')})</span>
        </h2>
        {codes.length > 0 ? <LiveStatusBadge status={status} className="text-slate-600" /> : null}
      </div>

      {codes.length === 0 ? (
        <p className="mt-6 text-sm text-slate-500">No codes yet. Create one and it will show up here.</p>
      ) : (
        <table className="mt-4 w-full table-fixed text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-500">
            <tr>
              <th scope="col" className="w-1/2 py-2 font-medium">Code</th>
              <th scope="col" className="py-2 font-medium">Created</th>
              <th scope="col" className="w-20 py-2 text-right font-medium">Scans</th>
            </tr>
          </thead>
          <tbody>
            {codes.map((code) => {
              const count = counts[code.id]
              return (
                <tr key={code.id} className="border-b border-slate-100 last:border-0" data-code-id={code.id}>
                  <td className="py-2 pr-2">
                    <Link href={`/codes/${code.id}`} className="block truncate font-medium text-indigo-700 underline">
                      {code.title ?? (code.kind === 'url' ? code.destination : code.message)}
                    </Link>
                    <span className="font-mono text-xs text-slate-500">/s/{code.slug}</span>{' '}
                    <span className="text-xs text-slate-500">· {code.kind === 'url' ? 'URL' : 'message'}</span>
                    {code.closed ? <span className="ml-1 text-xs font-medium text-amber-700">· {code.closed}</span> : null}
                  </td>
                  <td className="py-2 text-slate-600">
                    <LocalTime iso={code.createdAt} />
                  </td>
                  <td className="py-2 text-right text-base font-semibold tabular-nums" data-testid="scan-count">
                    {(count?.scanCount ?? code.scanCount).toLocaleString('en')}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}

      {pageCount > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
          {page > 1 ? (
            <Link href={`/?page=${page - 1}`} className="text-indigo-700 underline">
              ← Newer
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-500">
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <Link href={`/?page=${page + 1}`} className="text-indigo-700 underline">
              Older →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  )
}
