import type { Metadata } from 'next'
import Link from 'next/link'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'

import { rotateShareLinkAction } from '@/app/actions/rotate-share-link'
import { QrDesignPanel } from '@/components/codes/qr-design-form'
import { LiveCount } from '@/components/live/live-count'
import { SiteHeader } from '@/components/site-header'
import { requireAdminPage } from '@/lib/auth/guards'
import { hasAdminSession } from '@/lib/auth/session'
import { CopyButton } from '@/components/ui/copy-button'
import { LocalTime } from '@/components/ui/local-time'
import { CodeAnalytics } from '@/components/analytics/code-analytics'
import { CodeSettingsForm } from '@/components/codes/code-settings-form'
import { describeCodeState, getCode } from '@/lib/codes/service'
import { toCodeView } from '@/lib/codes/view'
import { resolveSiteOrigin } from '@/lib/http/site-origin'
import { getRecentScans } from '@/lib/scans/service'
import { describeUserAgent } from '@/lib/scans/user-agent'

const RECENT_SCANS = 50

const SCAN_LABELS = { human: 'closed code', bot: 'bot or link preview', prefetch: 'browser prefetch', head: 'HEAD request' } as const

export async function generateMetadata({ params }: PageProps<'/codes/[id]'>): Promise<Metadata> {
  if (!(await hasAdminSession())) return { title: 'Sign in' }
  const code = await getCode((await params).id)
  return { title: code?.title ?? (code ? `/s/${code.slug}` : 'Code not found') }
}

export default async function CodePage({ params }: PageProps<'/codes/[id]'>) {
  const { id } = await params
  await requireAdminPage(`/codes/${id}`)
  const code = await getCode(id)
  if (!code) notFound()

  const view = toCodeView(code)
  const scans = await getRecentScans(code.id, RECENT_SCANS)
  const shareUrl = `${resolveSiteOrigin(await headers())}/p/${code.shareToken}`

  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-6xl space-y-6 px-4 py-6">
        <div>
          <Link href="/" className="text-sm text-indigo-700 underline">
            ← All codes
          </Link>
          <h1 className="mt-2 text-2xl font-semibold break-words">{code.title ?? `/s/${code.slug}`}</h1>
          <p className="mt-1 text-sm font-medium" data-testid="code-state">
            {describeCodeState(code)}
          </p>
        </div>

        <div className="grid gap-6 lg:grid-cols-[auto_1fr]">
          <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            {/* eslint-disable-next-line @next/next/no-img-element -- a data URI needs no image optimisation */}
            <img src={view.qrSvgDataUri} alt={`QR code for ${code.shortUrl}`} width={320} height={320} className="qr-image h-80 w-80" />
            <div className="mt-4 flex flex-wrap gap-3 text-sm">
              <a href={`/api/codes/${code.id}/qr.svg?download`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
                Download SVG
              </a>
              <a href={`/api/codes/${code.id}/qr.png?size=1024&download`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
                Download PNG (1024 px)
              </a>
            </div>
          </section>

          <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <LiveCount id={code.id} scanCount={code.scanCount} lastScannedAt={view.lastScannedAt} />
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-500">Short link</dt>
              <dd className="flex items-center gap-2">
                <a href={code.shortUrl} className="break-all font-mono text-indigo-700 underline">
                  {code.shortUrl}
                </a>
                <CopyButton text={code.shortUrl} label="Copy short link" />
              </dd>
              <dt className="text-slate-500">{code.kind === 'url' ? 'Opens' : 'Shows'}</dt>
              <dd className={`whitespace-pre-wrap ${code.kind === 'url' ? 'break-all' : 'break-words'}`}>
                {code.kind === 'url' ? code.destination : code.message}
              </dd>
              <dt className="text-slate-500">Created</dt>
              <dd>
                <LocalTime iso={view.createdAt} />
              </dd>
            </dl>
            <Link href={`/live/${code.id}`} className="inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
              Open projector view
            </Link>
            <div className="space-y-2 border-t border-slate-100 pt-4 text-sm">
              <h2 className="font-medium">Projector share link</h2>
              <p className="text-slate-600">
                Anyone with this link sees the live count and the QR, without signing in. Replacing it makes the old
                link stop opening; a page already open on it keeps its count until reloaded.
              </p>
              <div className="flex flex-wrap items-center gap-2">
                <a href={shareUrl} className="break-all font-mono text-indigo-700 underline" data-testid="share-link">
                  {shareUrl}
                </a>
                <CopyButton text={shareUrl} label="Copy share link" />
                <form action={rotateShareLinkAction}>
                  <input type="hidden" name="id" value={code.id} />
                  <button type="submit" className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100">
                    Replace link
                  </button>
                </form>
              </div>
            </div>
          </section>
        </div>

        <CodeSettingsForm
          id={code.id}
          kind={code.kind}
          title={code.title}
          destination={code.destination}
          paused={code.pausedAt !== null}
          expiresAt={code.expiresAt?.toISOString() ?? null}
          maxScans={code.maxScans}
          fallbackUrl={code.fallbackUrl}
          archived={code.archivedAt !== null}
        />

        <QrDesignPanel code={code} />

        <CodeAnalytics codeId={code.id} />

        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-lg font-semibold">Latest scans</h2>
          <p className="text-sm text-slate-500">The {RECENT_SCANS} most recent, newest first. Reload to see new ones.</p>
          {scans.length === 0 ? (
            <p className="mt-4 text-sm text-slate-500">Nobody has scanned this code yet.</p>
          ) : (
            <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-500">
                <tr>
                  <th scope="col" className="py-2 font-medium">Time</th>
                  <th scope="col" className="py-2 font-medium">Browser and system</th>
                  <th scope="col" className="py-2 font-medium">Referrer</th>
                  <th scope="col" className="py-2 font-medium">Counted</th>
                </tr>
              </thead>
              <tbody>
                {scans.map((scan) => (
                  <tr key={scan.id} className="border-b border-slate-100 last:border-0">
                    <td className="py-2 pr-4 align-top whitespace-nowrap">
                      <LocalTime iso={scan.scannedAt.toISOString()} withSeconds />
                    </td>
                    <td className="py-2 pr-4 align-top">{describeUserAgent(scan.userAgent)}</td>
                    <td className="max-w-xs truncate py-2 text-slate-600">{scan.referrer ?? '—'}</td>
                    <td className="py-2 pl-4 whitespace-nowrap">{scan.counted ? 'yes' : `no (${SCAN_LABELS[scan.label]})`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          )}
        </section>
      </main>
    </>
  )
}
