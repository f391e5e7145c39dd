import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { chromium, expect, test, type Browser, type LaunchOptions, type Page } from '@playwright/test'

import { writeQrVideo } from '../support/fake-camera'
import { TEST_ADMIN_PASSWORD } from '../support/credentials'

async function signIn(page: Page) {
  await page.goto('/sign-in')
  await page.getByLabel('Team password').fill(TEST_ADMIN_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Create a QR code' })).toBeVisible()
}

interface CreatedEvent {
  id: string
  codeId: string
}

interface CreatedAttendee {
  id: string
  name: string
  personalUrl: string
}

async function createEvent(page: Page, name: string): Promise<CreatedEvent> {
  const response = await page.request.post('/api/events', { data: { name } })
  expect(response.status()).toBe(201)
  return ((await response.json()) as { event: CreatedEvent }).event
}

async function addAttendee(page: Page, eventId: string, name: string): Promise<CreatedAttendee> {
  const response = await page.request.post(`/api/events/${eventId}/attendees`, { data: { name } })
  expect(response.status()).toBe(201)
  return ((await response.json()) as { attendee: CreatedAttendee }).attendee
}

/**
 * Launches a second Chromium whose camera shows `videoFile`, with the same executable and
 * arguments as the configured project, and returns it with a signed-in page.
 */
async function openCameraBrowser(launchOptions: LaunchOptions, baseURL: string, videoFile: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    ...launchOptions,
    args: [
      ...(launchOptions.args ?? []),
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${videoFile}`,
    ],
  })
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  await signIn(page)
  return { browser, page }
}

async function setDoor(page: Page, door: string) {
  await page.getByLabel('Door or device name').fill(door)
  await page.getByRole('button', { name: 'Save door' }).click()
  await expect(page.getByTestId('door-label')).toHaveText(door)
}

let videoDir: string

test.beforeAll(() => {
  videoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scanboard-fake-camera-'))
})

test.afterAll(() => {
  fs.rmSync(videoDir, { recursive: true, force: true })
})

test.beforeEach(async ({ page }) => {
  await signIn(page)
})

test('scanning a badge checks in once, then reads as a duplicate', async ({ page, baseURL, launchOptions }) => {
  const event = await createEvent(page, 'Scanner launch night')
  const attendee = await addAttendee(page, event.id, 'Ada Lovelace')
  // Printed badges encode the link in upper case, which the check-in accepts.
  const videoFile = path.join(videoDir, 'badge.y4m')
  writeQrVideo(videoFile, attendee.personalUrl.toUpperCase())

  // The projector runs in the first browser, like a screen in the hall.
  await page.goto(`/events/${event.id}/live`)
  const projectorCount = page.getByTestId('projector-attendance')
  await expect(projectorCount).toHaveText('0 / 1')

  const camera = await openCameraBrowser(launchOptions, baseURL!, videoFile)
  try {
    const scanner = camera.page
    await scanner.goto(`/events/${event.id}/scan`)
    await expect(scanner.getByRole('heading', { name: 'Scanner launch night' })).toBeVisible()
    await expect(scanner.getByTestId('checked-in-count')).toHaveText('0 / 1')
    await setDoor(scanner, 'Door B')
    await scanner.getByRole('button', { name: 'Start camera' }).click()

    const result = scanner.getByTestId('check-in-result')
    await expect(result).toHaveAttribute('data-outcome', 'accepted', { timeout: 20_000 })
    await expect(result).toContainText('Checked in: Ada')
    await expect(scanner.getByTestId('checked-in-count')).toHaveText('1 / 1')
    await expect(projectorCount).toHaveText('1 / 1')

    const counts = await page.request.get(`/api/counts?ids=${event.codeId}`)
    expect(counts.ok()).toBe(true)
    const body = (await counts.json()) as { counts: { id: string; checkedIn: number }[] }
    expect(body.counts.find((count) => count.id === event.codeId)?.checkedIn).toBe(1)

    // The badge stays in front of the camera: the green result holds for a while before the
    // next read turns it into "already checked in".
    await scanner.waitForTimeout(2000)
    await expect(result).toHaveAttribute('data-outcome', 'accepted')

    await expect(result).toHaveAttribute('data-outcome', 'duplicate', { timeout: 15_000 })
    await expect(result).toContainText('Already checked in: Ada')
    await expect(result).toContainText('(Door B)')
    await expect(scanner.getByTestId('checked-in-count')).toHaveText('1 / 1')
  } finally {
    await camera.browser.close()
  }
})

test('a foreign QR shows "Not a badge" and scanning goes on', async ({ page, baseURL, launchOptions }) => {
  const event = await createEvent(page, 'Foreign code check')
  await addAttendee(page, event.id, 'Grace Hopper')
  // The scanner never opens the decoded link, so this address is only text in the video.
  const videoFile = path.join(videoDir, 'foreign.y4m')
  writeQrVideo(videoFile, 'https://example.com/other')

  const camera = await openCameraBrowser(launchOptions, baseURL!, videoFile)
  try {
    const scanner = camera.page
    let checkInPosts = 0
    scanner.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/events/${event.id}/check-ins`)) checkInPosts += 1
    })

    await scanner.goto(`/events/${event.id}/scan`)
    await setDoor(scanner, 'Side door')
    await scanner.getByRole('button', { name: 'Start camera' }).click()

    const notice = scanner.getByTestId('scan-notice')
    await expect(notice).toContainText('Not a badge for this event', { timeout: 20_000 })
    await expect(notice).toHaveAttribute('data-kind', 'not-a-badge')

    // The same code is read again once its repeat window has passed: the loop did not stop.
    await expect.poll(() => checkInPosts, { timeout: 15_000 }).toBeGreaterThanOrEqual(2)
    await expect(scanner.getByRole('button', { name: 'Stop camera' })).toBeVisible()
    await expect(scanner.getByTestId('checked-in-count')).toHaveText('0 / 1')
  } finally {
    await camera.browser.close()
  }
})

test('a failed request shows a retry message and scanning goes on', async ({ page, baseURL, launchOptions }) => {
  const event = await createEvent(page, 'Flaky network check')
  const attendee = await addAttendee(page, event.id, 'Katherine Johnson')
  const videoFile = path.join(videoDir, 'flaky.y4m')
  writeQrVideo(videoFile, attendee.personalUrl.toUpperCase())

  const camera = await openCameraBrowser(launchOptions, baseURL!, videoFile)
  try {
    const scanner = camera.page
    // The first check-in request fails as if the connection dropped; later ones go through.
    let failedRequests = 0
    await scanner.route(`**/api/events/${event.id}/check-ins`, async (route) => {
      if (failedRequests === 0) {
        failedRequests += 1
        await route.abort('internetdisconnected')
      } else {
        await route.continue()
      }
    })

    await scanner.goto(`/events/${event.id}/scan`)
    await setDoor(scanner, 'Door C')
    await scanner.getByRole('button', { name: 'Start camera' }).click()

    const notice = scanner.getByTestId('scan-notice')
    await expect(notice).toHaveAttribute('data-kind', 'error', { timeout: 20_000 })
    await expect(notice).toContainText('Could not reach the server. Check the connection, then scan the badge again.')

    const result = scanner.getByTestId('check-in-result')
    await expect(result).toHaveAttribute('data-outcome', 'accepted', { timeout: 15_000 })
    await expect(result).toContainText('Checked in: Katherine')
    expect(failedRequests).toBe(1)
  } finally {
    await camera.browser.close()
  }
})

test.describe('on a phone screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  test('manual search checks a guest in without a camera', async ({ page }) => {
    const event = await createEvent(page, 'Manual search check')
    await addAttendee(page, event.id, 'Grace Hopper')
    await addAttendee(page, event.id, 'Alan Turing')

    await page.goto(`/events/${event.id}/scan`)
    await expect(page.getByRole('button', { name: 'Start camera' })).toBeHidden()
    await page.getByRole('button', { name: 'Save door' }).click()
    // Next.js adds an empty role="alert" route announcer to every page, so the alert is found by its text.
    await expect(page.getByRole('alert').filter({ hasText: 'Enter a door or device name, so each check-in shows where it happened.' })).toBeVisible()
    await setDoor(page, 'Door A')

    // The door is remembered on this device.
    await page.reload()
    await expect(page.getByTestId('door-label')).toHaveText('Door A')

    // This browser has no camera. The page shows a message, and the search still works.
    await page.getByRole('button', { name: 'Start camera' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'You can still find guests by name below.' })).toBeVisible()

    await page.getByLabel('Name or email').fill('hopper')
    const matches = page.getByTestId('attendee-match')
    await expect(matches).toHaveCount(1)
    await expect(matches.first()).toContainText('Not checked in')
    await page.getByRole('button', { name: 'Check in Grace Hopper' }).click()

    const result = page.getByTestId('check-in-result')
    await expect(result).toHaveAttribute('data-outcome', 'accepted')
    await expect(result).toContainText('Checked in: Grace')
    await expect(matches.first()).toContainText('(Door A)')
    await expect(page.getByRole('button', { name: 'Check in Grace Hopper' })).toBeHidden()
    await expect(page.getByTestId('checked-in-count')).toHaveText('1 / 2')

    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(pageWidth).toBeLessThanOrEqual(390)
  })
})

test('signed out, the scanner page leads to sign-in', async ({ page, browser, baseURL }) => {
  const event = await createEvent(page, 'Signed out check')
  const stranger = await browser.newContext({ baseURL })
  try {
    const strangerPage = await stranger.newPage()
    await strangerPage.goto(`/events/${event.id}/scan`)
    await expect(strangerPage).toHaveURL(`${baseURL}/sign-in?next=${encodeURIComponent(`/events/${event.id}/scan`)}`)
  } finally {
    await stranger.close()
  }
})
