import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { SignInForm } from '@/components/auth/sign-in-form'
import { safeReturnPath } from '@/lib/auth/guards'
import { hasAdminSession } from '@/lib/auth/session'
import { isOpenDevelopmentMode } from '@/lib/env'

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } }

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const nextParam = (await searchParams).next
  const next = safeReturnPath(typeof nextParam === 'string' ? nextParam : null)
  if (!isOpenDevelopmentMode() && (await hasAdminSession())) redirect(next)

  if (isOpenDevelopmentMode()) {
    return (
      <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-5">
        <h1 className="text-2xl font-semibold">Sign-in is off</h1>
        <p className="mt-2 text-sm text-slate-600">
          This development server runs without ADMIN_PASSWORD and SESSION_SECRET, so the dashboard is open. Set both
          to require the team password.
        </p>
        <p className="mt-6">
          <Link href={next} className="font-medium text-indigo-700 underline">
            Go to the dashboard
          </Link>
        </p>
      </main>
    )
  }

  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-5">
      <h1 className="text-2xl font-semibold">Sign in to Scanboard</h1>
      <p className="mt-2 mb-6 text-sm text-slate-600">Enter the team password to create and manage QR codes.</p>
      <SignInForm next={next} />
    </main>
  )
}
