import type { Metadata } from 'next'
import Link from 'next/link'

import { revokeApiKeyAction } from '@/app/actions/api-keys'
import { CreateApiKeyForm } from '@/components/auth/create-api-key-form'
import { SiteHeader } from '@/components/site-header'
import { LocalTime } from '@/components/ui/local-time'
import { getApiKeys } from '@/lib/auth/api-keys'
import { requireAdminPage } from '@/lib/auth/guards'

export const metadata: Metadata = { title: 'Settings' }

export default async function SettingsPage() {
  await requireAdminPage('/settings')
  const keys = await getApiKeys()

  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p className="text-sm">
          <Link href="/settings/webhooks" className="text-indigo-700 underline">
            Webhooks
          </Link>{' '}
          send scans, check-ins and new codes to another service.
        </p>
        <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-lg font-semibold">API keys</h2>
          <p className="text-sm text-slate-600">
            Scripts and other services use a key to call the JSON API: send it as{' '}
            <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>. Only a hash of each key is stored.
          </p>
          <CreateApiKeyForm />
          {keys.length === 0 ? (
            <p className="text-sm text-slate-500">No keys yet.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-500">
                <tr>
                  <th scope="col" className="py-2 font-medium">Name</th>
                  <th scope="col" className="py-2 font-medium">Key</th>
                  <th scope="col" className="py-2 font-medium">Last used</th>
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <tr key={key.id} className="border-b border-slate-100 last:border-0">
                    <td className="py-2">{key.name}</td>
                    <td className="py-2 font-mono text-slate-600">{key.keyPrefix}…</td>
                    <td className="py-2 text-slate-600">
                      {key.lastUsedAt ? <LocalTime iso={key.lastUsedAt.toISOString()} /> : 'never'}
                    </td>
                    <td className="py-2 text-right">
                      {key.revokedAt ? (
                        <span className="text-slate-500">Revoked</span>
                      ) : (
                        <form action={revokeApiKeyAction}>
                          <input type="hidden" name="id" value={key.id} />
                          <button type="submit" className="text-red-700 underline">
                            Revoke
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </main>
    </>
  )
}
