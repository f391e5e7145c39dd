import { expect, test } from '@playwright/test'

import { TEST_ADMIN_PASSWORD } from '../support/credentials'
import { RealtimeTestDouble } from '../support/realtime-test-double'

// This server was started with NEXT_PUBLIC_SUPABASE_URL pointing at the Realtime test double,
// a local stand-in for Supabase Realtime's WebSocket protocol (see playwright.config.ts).
test.use({ baseURL: `http://127.0.0.1:${process.env.E2E_REALTIME_PORT}` })

let double: RealtimeTestDouble

test.beforeAll(async () => {
  double = await RealtimeTestDouble.start(Number(process.env.E2E_REALTIME_DOUBLE_PORT))
})

test.afterAll(async () => {
  await double.close()
})

test('the projector takes counts from Supabase Realtime and resyncs after a drop', async ({ page }) => {
  const liveStreams: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/live')) liveStreams.push(request.url())
  })

  await page.goto('/sign-in')
  await page.getByLabel('Team password').fill(TEST_ADMIN_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Create a QR code' })).toBeVisible()

  const created = await page.request.post('/api/codes', { data: { kind: 'url', destination: 'https://example.com/rt', title: 'Realtime hall' } })
  expect(created.status()).toBe(201)
  const { code } = (await created.json()) as { code: { id: string; slug: string } }

  await page.goto(`/live/${code.id}`)
  await expect(page.getByRole('heading', { name: 'Realtime hall' })).toBeVisible()
  await expect.poll(() => double.joins.length).toBeGreaterThan(0)
  expect(double.joins.at(-1)!.postgresChanges[0]?.filter).toBe(`code_id=in.(${code.id})`)
  await expect(page.getByTestId('projector-count')).toHaveText('0')

  // A committed change, as Realtime would deliver it after a scan.
  double.sendScanCountUpdate({ code_id: code.id, scan_count: 4, last_scanned_at: new Date().toISOString(), version: 4 })
  await expect(page.getByTestId('projector-count')).toHaveText('4')

  // While the socket is down, five real scans happen; only the resync on rejoin can show them.
  double.dropConnections()
  await expect(page.getByText('reconnecting…')).toBeVisible()
  for (let scan = 0; scan < 5; scan++) await page.request.get(`/s/${code.slug}`, { maxRedirects: 0 })
  await expect(page.getByText('reconnecting…')).toBeHidden({ timeout: 20_000 })
  await expect(page.getByTestId('projector-count')).toHaveText('5')

  expect(liveStreams).toEqual([])
})
