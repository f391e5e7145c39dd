import Link from 'next/link'

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-5 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-600">This code or page does not exist. Check the address, or start from the dashboard.</p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-indigo-700 underline">
          Go to Scanboard
        </Link>
      </p>
    </main>
  )
}
