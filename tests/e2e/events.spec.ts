import { expect, test, type Page } from '@playwright/test'

import { TEST_ADMIN_PASSWORD } from '../support/credentials'

async function signIn(page: Page) {
  await page.goto('/sign-in?next=/events')
  await page.getByLabel('Team password').fill(TEST_ADMIN_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Create an event' })).toBeVisible()
}

/** Creates an event through the form on /events and returns its id, from the dashboard's address. */
async function createEventInForm(page: Page, name: string): Promise<string> {
  await page.goto('/events')
  await page.getByLabel('Event name').fill(name)
  await page.getByRole('button', { name: 'Create event' }).click()
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
  const id = /\/events\/([0-9a-f-]{36})/.exec(page.url())?.[1]
  expect(id).toBeDefined()
  return id!
}

test.beforeEach(async ({ page }) => {
  await signIn(page)
})

test('an organiser imports a list, sees problems by row, and imports the valid rows', async ({ page }) => {
  const eventId = await createEventInForm(page, 'Import evening')
  await page.getByRole('link', { name: 'Import CSV' }).click()

  const csv =
    '\uFEFFFirst name,Last name,E-mail,Ticket\n' +
    'Ada,Lovelace,ada@example.com,VIP\n' +
    'Grace,Hopper,grace@example.com,"Speaker, day 1"\n' +
    ',,nobody@example.com,Standard\n' +
    'Ada,Again,ADA@example.com,Standard\n'
  await page.getByLabel(/CSV file/).setInputFiles({ name: 'guests.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })

  await expect(page.getByTestId('import-summary')).toHaveText('4 rows: 2 ready to import, 2 with problems.')
  await expect(page.getByTestId('import-preview')).toContainText('Speaker, day 1')
  await expect(page.getByLabel('Last name (joined to the name)')).toHaveValue('1')
  const errors = page.getByTestId('import-errors')
  await expect(errors).toContainText('Row 4: Name is empty.')
  await expect(errors).toContainText('Row 5: Duplicate: email ADA@example.com is also on row 2.')

  const importButton = page.getByRole('button', { name: 'Import 2 people' })
  await expect(importButton).toBeDisabled()
  await page.getByLabel(/Skip the 2 rows with problems/).check()
  await importButton.click()
  await expect(page.getByText('Imported 2 people. Skipped 2 rows with problems.')).toBeVisible()

  await page.goto(`/events/${eventId}`)
  await expect(page.getByTestId('attendance-count')).toContainText('0 of 2')
  await expect(page.getByTestId('attendee-row')).toHaveCount(2)
  await expect(page.getByTestId('attendee-row').first()).toContainText('Ada Lovelace')
})

test('a check-in raises the dashboard and projector counts live, and undo brings them back', async ({ page, context }) => {
  const eventId = await createEventInForm(page, 'Projector night')
  await page.getByLabel('Name', { exact: true }).fill('Ada Lovelace')
  await page.getByRole('button', { name: 'Add person' }).click()
  await expect(page.getByText('Ada Lovelace added.')).toBeVisible()
  await page.getByLabel('Name', { exact: true }).fill('Grace Hopper')
  await page.getByRole('button', { name: 'Add person' }).click()
  await expect(page.getByText('Grace Hopper added.')).toBeVisible()
  await expect(page.getByTestId('attendance-count')).toContainText('0 of 2')

  const projector = await context.newPage()
  await projector.goto(`/events/${eventId}/live`)
  await expect(projector.getByTestId('projector-attendance')).toHaveText('0 / 2')
  await expect(projector.getByRole('status')).toHaveText('live')

  const list = await page.request.get(`/api/events/${eventId}/attendees?q=ada`)
  const { attendees } = (await list.json()) as { attendees: { personalUrl: string }[] }
  const checkIn = await page.request.post(`/api/events/${eventId}/check-ins`, { data: { code: attendees[0]!.personalUrl, door: 'Door A' } })
  expect(checkIn.status()).toBe(200)

  await expect(projector.getByTestId('projector-attendance')).toHaveText('1 / 2')
  await expect(projector.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50')
  // No names on the projector unless the organiser switches them on.
  await expect(projector.getByTestId('projector-names')).toHaveCount(0)
  await expect(page.getByTestId('attendance-count')).toContainText('1 of 2')
  await expect(page.getByTestId('recent-check-ins')).toContainText('Ada Lovelace checked in · Door A')

  const adaRow = page.getByTestId('attendee-row').filter({ hasText: 'Ada Lovelace' })
  await expect(adaRow).toContainText('In at')
  await adaRow.getByRole('button', { name: 'Undo check-in' }).click()
  await expect(projector.getByTestId('projector-attendance')).toHaveText('0 / 2')
  await expect(page.getByTestId('recent-check-ins')).toContainText('check-in undone')
})

test('attendees check themselves in with the venue code by name, once', async ({ page, browser, baseURL }) => {
  const eventId = await createEventInForm(page, 'Self service')
  await page.getByLabel('Name', { exact: true }).fill('Ada Lovelace')
  await page.getByLabel('Email (optional)').fill('ada@example.com')
  await page.getByRole('button', { name: 'Add person' }).click()
  await expect(page.getByText('Ada Lovelace added.')).toBeVisible()
  await page.getByLabel('Self check-in', { exact: true }).selectOption('list')
  await page.getByLabel('Show first names of arrivals on the projector').check()
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByLabel('Self check-in', { exact: true })).toHaveValue('list')
  const venueLink = await page.getByRole('link', { name: /\/s\/[a-z0-9]{7}$/ }).getAttribute('href')
  const shareLink = await page.getByRole('link', { name: /\/p\/[0-9a-f]{32}$/ }).getAttribute('href')

  // An attendee's phone: no session.
  const phone = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } })
  const attendee = await phone.newPage()
  await attendee.goto(venueLink!)
  await expect(attendee.getByRole('heading', { name: 'Self service' })).toBeVisible()
  await attendee.getByLabel('Your full name or email address').fill('nobody@example.com')
  await attendee.getByRole('button', { name: 'Check in' }).click()
  await expect(attendee.getByText(/could not find that name or email/)).toBeVisible()
  await attendee.getByLabel('Your full name or email address').fill('  ada   lovelace ')
  await attendee.getByRole('button', { name: 'Check in' }).click()
  await expect(attendee.getByTestId('check-in-result')).toHaveText(/Checked in: Ada/)

  await attendee.goto(venueLink!)
  await attendee.getByLabel('Your full name or email address').fill('ada@example.com')
  await attendee.getByRole('button', { name: 'Check in' }).click()
  await expect(attendee.getByTestId('check-in-result')).toContainText('Already checked in: Ada')

  // The public projector shows the count and, since the organiser allowed it, the first name.
  const projector = await phone.newPage()
  await projector.goto(shareLink!)
  await expect(projector.getByTestId('projector-attendance')).toHaveText('1 / 1')
  await expect(projector.getByTestId('projector-names')).toHaveText('Welcome, Ada!')
  await phone.close()

  await page.goto(`/events/${eventId}`)
  await expect(page.getByTestId('attendance-count')).toContainText('1 of 1')
})

test('staff check someone in from the personal code page with one button', async ({ page }) => {
  const eventId = await createEventInForm(page, 'Badge page')
  const added = await page.request.post(`/api/events/${eventId}/attendees`, { data: { name: 'Grace Hopper' } })
  const { attendee } = (await added.json()) as { attendee: { personalUrl: string } }

  await page.goto(attendee.personalUrl)
  await expect(page.getByTestId('attendee-first-name')).toHaveText('Grace')
  await page.getByRole('button', { name: 'Check in' }).click()
  await expect(page.getByTestId('check-in-result')).toHaveText(/Checked in: Grace/)

  await page.reload()
  await expect(page.getByRole('status')).toContainText('Checked in at')
  await expect(page.getByRole('button', { name: 'Check in' })).toHaveCount(0)
})
