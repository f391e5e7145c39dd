import { expect, test, type Page } from '@playwright/test'

import { TEST_ADMIN_PASSWORD } from '../support/credentials'

async function signIn(page: Page) {
  await page.goto('/sign-in')
  await page.getByLabel('Team password').fill(TEST_ADMIN_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Create a QR code' })).toBeVisible()
}

test.beforeEach(async ({ page }) => {
  await signIn(page)
})

/** Creates a code through the form on `/` and returns its short link as shown on the page. */
async function createCodeInForm(page: Page, fields: { destination?: string; message?: string; title: string }) {
  await page.goto('/')
  if (fields.message !== undefined) {
    await page.getByLabel('A short message').check()
    await page.getByRole('textbox', { name: /^Message/ }).fill(fields.message)
  } else {
    await page.getByLabel('URL', { exact: true }).fill(fields.destination ?? '')
  }
  await page.getByLabel('Title').fill(fields.title)
  await page.getByRole('button', { name: 'Create QR code' }).click()

  await expect(page.getByText('QR code created.')).toBeVisible()
  const preview = page.getByRole('region', { name: 'Your new code' })
  await expect(preview.getByTestId('qr-image')).toBeVisible()
  const shortLink = await preview.getByTestId('short-link').getAttribute('href')
  expect(shortLink).toMatch(/\/s\/[23456789abcdefghjkmnpqrstuvwxyz]{7}$/)
  return shortLink!
}

test('a scan raises the count on the dashboard and the projector without a reload', async ({ page, context, baseURL }) => {
  // The destination is this server's own home page, so following the redirect stays on loopback.
  const shortLink = await createCodeInForm(page, { destination: `${baseURL}/?from=qr`, title: 'Lobby poster' })

  const qr = page.getByRole('region', { name: 'Your new code' }).getByTestId('qr-image')
  const qrSize = await qr.boundingBox()
  expect(qrSize?.width).toBeGreaterThan(150)

  const row = page.locator('tr', { hasText: 'Lobby poster' })
  await expect(row.getByTestId('scan-count')).toHaveText('0')
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()

  const detailsHref = await page.getByRole('link', { name: 'Projector view' }).getAttribute('href')
  const projector = await context.newPage()
  await projector.goto(detailsHref!)
  await expect(projector.getByTestId('projector-count')).toHaveText('0')
  await expect(projector.getByRole('heading', { name: 'Lobby poster' })).toBeVisible()

  const phone = await context.newPage()
  await phone.goto(shortLink)
  await expect(phone).toHaveURL(`${baseURL}/?from=qr`)

  await expect(row.getByTestId('scan-count')).toHaveText('1')
  await expect(projector.getByTestId('projector-count')).toHaveText('1')

  await phone.goto(shortLink)
  await expect(row.getByTestId('scan-count')).toHaveText('2')
  await expect(projector.getByTestId('projector-count')).toHaveText('2')
})

test('a message code shows its message and counts once', async ({ page, context }) => {
  const shortLink = await createCodeInForm(page, { message: 'Doors open at 19:00 🎉\n歡迎', title: 'Door note' })

  const phone = await context.newPage()
  await phone.goto(shortLink)
  await expect(phone.getByTestId('message')).toHaveText('Doors open at 19:00 🎉\n歡迎')
  await expect(phone.getByRole('heading', { name: 'Door note' })).toBeVisible()

  const row = page.locator('tr', { hasText: 'Door note' })
  await expect(row.getByTestId('scan-count')).toHaveText('1')
  await phone.reload()
  await page.waitForTimeout(500)
  await expect(row.getByTestId('scan-count')).toHaveText('1')
})

test('a second message code needs no second click on "A short message"', async ({ page }) => {
  await createCodeInForm(page, { message: 'First note', title: 'First' })

  await expect(page.getByLabel('A short message')).toBeChecked()
  await page.getByRole('textbox', { name: /^Message/ }).fill('Second note')
  await page.getByRole('button', { name: 'Create QR code' }).click()

  await expect(page.getByText('QR code created.')).toBeVisible()
  await expect(page.locator('tr', { hasText: 'Second note' })).toBeVisible()
})

test('a rejected URL shows the error beside the field and keeps the input', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('URL', { exact: true }).fill('javascript:alert(1)')
  await page.getByLabel('Title').fill('Keep this title')
  await page.getByRole('button', { name: 'Create QR code' }).click()

  const urlField = page.getByLabel('URL', { exact: true })
  await expect(page.locator('#destination-error')).toHaveText('Only http and https URLs are allowed, not "javascript:".')
  await expect(urlField).toHaveAttribute('aria-invalid', 'true')
  await expect(urlField).toHaveValue('javascript:alert(1)')
  await expect(page.getByLabel('Title')).toHaveValue('Keep this title')
})

test('the details page shows the QR, downloads and recent scans', async ({ page, context, baseURL }) => {
  await createCodeInForm(page, { destination: `${baseURL}/?details`, title: 'Details check' })
  await page.getByRole('region', { name: 'Your new code' }).getByRole('link', { name: 'Details and downloads' }).click()

  await expect(page.getByRole('heading', { name: 'Details check' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Download SVG' })).toBeVisible()
  await expect(page.getByText('Nobody has scanned this code yet.')).toBeVisible()

  const shortLink = await page.locator('dd a').first().getAttribute('href')
  const phone = await context.newPage()
  await phone.goto(shortLink!)
  await expect(page.getByTestId('scan-count')).toHaveText('1')

  await page.reload()
  await expect(page.getByRole('cell', { name: /Chrome/ })).toBeVisible()
})

test.describe('signed out', () => {
  test('is sent to sign-in from the dashboard and a code page, but can open a share link', async ({ page, browser, baseURL }) => {
    await createCodeInForm(page, { destination: `${baseURL}/?shared`, title: 'Shared projector' })
    await page.getByRole('region', { name: 'Your new code' }).getByRole('link', { name: 'Details and downloads' }).click()
    await page.waitForURL(/\/codes\/[0-9a-f-]{36}$/)
    const codeUrl = page.url()
    const shareLink = await page.getByTestId('share-link').getAttribute('href')
    expect(shareLink).toMatch(/\/p\/[0-9a-f]{32}$/)

    const stranger = await browser.newContext()
    const strangerPage = await stranger.newPage()
    await strangerPage.goto(`${baseURL}/`)
    await expect(strangerPage).toHaveURL(`${baseURL}/sign-in?next=%2F`)
    await strangerPage.goto(codeUrl)
    await expect(strangerPage).toHaveURL(/\/sign-in\?next=%2Fcodes%2F/)

    await strangerPage.goto(shareLink!)
    await expect(strangerPage.getByRole('heading', { name: 'Shared projector' })).toBeVisible()
    await expect(strangerPage.getByTestId('projector-count')).toHaveText('0')
    await stranger.close()
  })

  test('a wrong password shows an error and keeps the visitor out', async ({ browser, baseURL }) => {
    const stranger = await browser.newContext()
    const page = await stranger.newPage()
    await page.goto(`${baseURL}/sign-in`)
    await page.getByLabel('Team password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.locator('#password-error')).toHaveText('Wrong password. Try again.')
    await expect(page).toHaveURL(`${baseURL}/sign-in`)
    await stranger.close()
  })
})
