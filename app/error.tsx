'use client'

import { useEffect } from 'react'

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error)
  }, [error])

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-5 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-3 text-slate-600">
        The page could not be loaded. Try again; if it keeps failing, the server log has the details
        {error.digest ? ` (reference ${error.digest})` : ''}.
      </p>
      <p className="mt-6">
        <button type="button" onClick={reset} className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white">
          Try again
        </button>
      </p>
    </main>
  )
}
