import Link from 'next/link'

import { signOutAction } from '@/app/actions/sign-in'
import { isOpenDevelopmentMode } from '@/lib/env'

export function SiteHeader() {
  const open = isOpenDevelopmentMode()

  return (
    <header className="border-b border-slate-200 bg-white">
      {open ? (
        <p role="note" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-900">
          Development mode without sign-in: anyone who can reach this server can manage codes. Set ADMIN_PASSWORD and
          SESSION_SECRET to require the team password; production refuses to start without them.
        </p>
      ) : null}
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Scanboard
        </Link>
        <nav className="flex flex-wrap items-center justify-end gap-x-4 gap-y-1 text-sm">
          <Link href="/" className="text-slate-600 hover:text-slate-900">
            Codes
          </Link>
          <Link href="/events" className="text-slate-600 hover:text-slate-900">
            Events
          </Link>
          <Link href="/campaigns" className="text-slate-600 hover:text-slate-900">
            Campaigns
          </Link>
          <Link href="/settings" className="text-slate-600 hover:text-slate-900">
            Settings
          </Link>
          {open ? null : (
            <form action={signOutAction}>
              <button type="submit" className="text-slate-600 hover:text-slate-900">
                Sign out
              </button>
            </form>
          )}
        </nav>
      </div>
    </header>
  )
}
