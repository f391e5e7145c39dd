import { expect, test, type Page } from '@playwright/test'

import { TEST_ADMIN_PASSWORD } from '../support/credentials'

async function signIn(page: Page) {
  await page.goto('/sign-in?next=/campaigns')
  await page.getByLabel('Team password').fill(TEST_ADMIN_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Create a campaign' })).toBeVisible()
}

async function createCode(page: Page, title: string): Promise<{ id: string; slug: string }> {
  const response = await page.request.post('/api/codes', { data: { kind: 'url', destination: `https://example.com/${encodeURIComponent(title)}`, title } })
  expect(response.status()).toBe(201)
  return ((await response.json()) as { code: { id: string; slug: string } }).code
}

async function scan(page: Page, slug: string) {
  const response = await page.request.get(`/s/${slug}`, { maxRedirects: 0 })
  expect(response.status()).toBe(302)
}

test('a campaign projector shows combined scans and shares live', async ({ page, context }) => {
  await signIn(page)
  const poster = await createCode(page, 'Poster at the station')
  const flyer = await createCode(page, 'Flyer in the café')

  await page.getByLabel('Campaign name').fill('Spring posters')
  await page.getByRole('button', { name: 'Create campaign' }).click()
  await expect(page.getByRole('heading', { name: 'Spring posters', level: 1 })).toBeVisible()
  const campaignId = /\/campaigns\/([0-9a-f-]{36})/.exec(page.url())?.[1]
  expect(campaignId).toBeDefined()

  for (const code of [poster, flyer]) {
    await page.getByLabel('Code to add').selectOption(code.id)
    await page.getByRole('button', { name: 'Add code' }).click()
    await expect(page.getByText('Code added.')).toBeVisible()
  }
  const dashboardRows = page.getByTestId('campaign-code-row')
  await expect(dashboardRows).toHaveCount(2)

  const projector = await context.newPage()
  await projector.goto(`/campaigns/${campaignId}/live`)
  await expect(projector.getByTestId('campaign-total')).toHaveText('0')
  await expect(projector.getByRole('status')).toHaveText('live')
  const posterRow = projector.getByTestId('campaign-code-row').filter({ hasText: 'Poster at the station' })
  const flyerRow = projector.getByTestId('campaign-code-row').filter({ hasText: 'Flyer in the café' })
  await expect(posterRow.getByTestId('campaign-code-share')).toHaveText('0%')

  await scan(page, poster.slug)
  await scan(page, poster.slug)
  await scan(page, flyer.slug)

  await expect(projector.getByTestId('campaign-total')).toHaveText('3')
  await expect(posterRow.getByTestId('campaign-code-count')).toHaveText('2 scans')
  await expect(posterRow.getByTestId('campaign-code-share')).toHaveText('67%')
  await expect(posterRow.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '67')
  await expect(flyerRow.getByTestId('campaign-code-count')).toHaveText('1 scan')
  await expect(flyerRow.getByTestId('campaign-code-share')).toHaveText('33%')
  await expect(page.getByTestId('campaign-total')).toHaveText('3')

  // The public link shows the same numbers to a browser without a session, and keeps them live.
  const sharePath = await page.getByRole('link', { name: /\/c\/[0-9a-f]{32}$/ }).getAttribute('href')
  const viewer = await (await context.browser()!.newContext({ baseURL: new URL(page.url()).origin })).newPage()
  await viewer.goto(sharePath!)
  await expect(viewer.getByTestId('campaign-total')).toHaveText('3')
  await expect(viewer.getByRole('status')).toHaveText('live')
  await scan(page, flyer.slug)
  await expect(viewer.getByTestId('campaign-total')).toHaveText('4')
  await expect(projector.getByTestId('campaign-total')).toHaveText('4')
  await expect(flyerRow.getByTestId('campaign-code-share')).toHaveText('50%')

  await dashboardRows.filter({ hasText: 'Flyer in the café' }).getByRole('button', { name: 'Remove Flyer in the café' }).click()
  await expect(dashboardRows).toHaveCount(1)
  await expect(page.getByTestId('campaign-total')).toHaveText('2')
})
