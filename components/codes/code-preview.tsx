import Link from 'next/link'

import { CopyButton } from '@/components/ui/copy-button'
import type { CodeView } from '@/lib/codes/view'

/** Renders the scannable QR of a code with its short link, as shown right after creating it. */
export function CodePreview({ code, heading }: { code: CodeView; heading: string }) {
  return (
    <section aria-labelledby="code-preview-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="code-preview-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        {heading}
      </h2>
      <p className="mt-1 truncate text-lg font-medium">{code.title ?? (code.kind === 'url' ? code.destination : 'Message')}</p>

      <div className="mt-4 flex flex-col items-center gap-4 sm:flex-row sm:items-start">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URI needs no image optimisation */}
        <img
          src={code.qrSvgDataUri}
          alt={`QR code for ${code.shortUrl}`}
          width={224}
          height={224}
          className="qr-image h-56 w-56 shrink-0 rounded-md border border-slate-100 bg-white"
          data-testid="qr-image"
        />
        <div className="min-w-0 space-y-3 text-sm">
          <div>
            <div className="text-slate-500">Short link</div>
            <div className="flex items-center gap-2">
              <a href={code.shortUrl} className="break-all font-mono text-indigo-700 underline" data-testid="short-link">
                {code.shortUrl}
              </a>
              <CopyButton text={code.shortUrl} label="Copy short link" />
            </div>
          </div>
          <div>
            <div className="text-slate-500">{code.kind === 'url' ? 'Opens' : 'Shows'}</div>
            <div className={`line-clamp-3 ${code.kind === 'url' ? 'break-all' : 'break-words'}`}>
              {code.kind === 'url' ? code.destination : code.message}
            </div>
          </div>
          <div className="flex flex-wrap gap-3">
            <Link href={`/codes/${code.id}`} className="font-medium text-indigo-700 underline">
              Details and downloads
            </Link>
            <Link href={`/live/${code.id}`} className="font-medium text-indigo-700 underline">
              Projector view
            </Link>
          </div>
        </div>
      </div>

      {code.localOnly ? (
        <p role="note" className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          This QR points to <strong>{new URL(code.shortUrl).host}</strong>, which only this computer can open: a phone
          that scans it will not reach Scanboard. Set <code className="font-mono">SITE_URL</code> to an address phones can
          reach (such as <code className="font-mono">http://192.168.1.20:3000</code> on your network, or your public
          domain), restart, and create the code again. Or open this page through that address.
        </p>
      ) : null}
    </section>
  )
}
