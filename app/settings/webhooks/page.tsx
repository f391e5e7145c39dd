import type { Metadata } from 'next'
import Link from 'next/link'

import { redeliverWebhookAction, sendTestWebhookAction, setWebhookPausedAction } from '@/app/actions/webhooks'
import { SiteHeader } from '@/components/site-header'
import { LocalTime } from '@/components/ui/local-time'
import { CreateWebhookForm, RotateSecretForm } from '@/components/webhooks/secret-forms'
import { requireAdminPage } from '@/lib/auth/guards'
import { getDeliveries, getWebhookEndpoints } from '@/lib/webhooks/endpoints'

export const metadata: Metadata = { title: 'Webhooks' }

export default async function WebhooksPage() {
  await requireAdminPage('/settings/webhooks')
  const endpoints = await getWebhookEndpoints()
  const deliveries = await Promise.all(endpoints.map((endpoint) => getDeliveries(endpoint.id, 20)))

  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-6">
        <p className="text-sm">
          <Link href="/settings" className="text-indigo-700 underline">
            Settings
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Webhooks</h1>
        <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-lg font-semibold">Add an endpoint</h2>
          <p className="text-sm text-slate-600">
            Each event is POSTed as JSON and signed with the endpoint&apos;s secret; the README explains how to verify it.
          </p>
          <CreateWebhookForm />
        </section>

        {endpoints.map((endpoint, index) => (
          <section key={endpoint.id} className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="break-all font-mono text-base font-semibold">{endpoint.url}</h2>
              <span className={endpoint.pausedAt ? 'text-amber-700' : 'text-emerald-700'}>{endpoint.pausedAt ? 'Paused' : 'Active'}</span>
            </div>
            <p className="text-sm text-slate-600">
              {endpoint.description ? `${endpoint.description} · ` : ''}
              {endpoint.events.join(', ')} · {endpoint.codeIds ? `${endpoint.codeIds.length} codes` : 'every code'}
            </p>
            <div className="flex flex-wrap items-start gap-4 text-sm">
              <form action={setWebhookPausedAction}>
                <input type="hidden" name="id" value={endpoint.id} />
                <input type="hidden" name="paused" value={endpoint.pausedAt ? 'false' : 'true'} />
                <button type="submit" className="text-indigo-700 underline">
                  {endpoint.pausedAt ? 'Resume' : 'Pause'}
                </button>
              </form>
              <form action={sendTestWebhookAction}>
                <input type="hidden" name="id" value={endpoint.id} />
                <button type="submit" className="text-indigo-700 underline">
                  Send test event
                </button>
              </form>
              <RotateSecretForm endpointId={endpoint.id} />
            </div>
            {deliveries[index]!.length === 0 ? (
              <p className="text-sm text-slate-500">No deliveries yet.</p>
            ) : (
              <table className="w-full text-left text-sm">
                <thead className="border-b border-slate-200 text-slate-500">
                  <tr>
                    <th scope="col" className="py-2 font-medium">Event</th>
                    <th scope="col" className="py-2 font-medium">Status</th>
                    <th scope="col" className="py-2 font-medium">Attempts</th>
                    <th scope="col" className="py-2 font-medium">Response</th>
                    <th scope="col" className="py-2 font-medium">Latency</th>
                    <th scope="col" className="py-2 font-medium">Next retry</th>
                    <th scope="col" className="py-2 font-medium">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {deliveries[index]!.map((delivery) => (
                    <tr key={delivery.id} className="border-b border-slate-100 last:border-0">
                      <td className="py-2">
                        <code>{delivery.eventType}</code>
                        <div className="font-mono text-xs text-slate-500">{delivery.eventId}</div>
                      </td>
                      <td className="py-2">{delivery.status}</td>
                      <td className="py-2">{delivery.attempts}</td>
                      <td className="py-2" title={delivery.lastError ?? undefined}>
                        {delivery.lastStatusCode ?? (delivery.lastError ? 'no response' : '–')}
                      </td>
                      <td className="py-2">{delivery.lastLatencyMs === null ? '–' : `${delivery.lastLatencyMs} ms`}</td>
                      <td className="py-2">{delivery.nextAttemptAt ? <LocalTime iso={delivery.nextAttemptAt.toISOString()} /> : '–'}</td>
                      <td className="py-2 text-right">
                        {delivery.status === 'succeeded' || delivery.status === 'failed' ? (
                          <form action={redeliverWebhookAction}>
                            <input type="hidden" name="id" value={endpoint.id} />
                            <input type="hidden" name="deliveryId" value={delivery.id} />
                            <button type="submit" className="text-indigo-700 underline">
                              Redeliver
                            </button>
                          </form>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </main>
    </>
  )
}
