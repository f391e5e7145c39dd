import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

import { defineConfig, devices } from '@playwright/test'

import { TEST_SERVER_ENV } from './tests/support/credentials'

/**
 * Picks a free loopback port once, in the runner process, and stores it in E2E_PORT so that
 * the worker processes, which load this file again with the runner's environment, agree on it.
 */
function choosePort(variable: string): number {
  if (!process.env[variable]) {
    const script = 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
    process.env[variable] = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()
  }
  return Number(process.env[variable])
}

const port = choosePort('E2E_PORT')
// A second server takes live counts from Supabase Realtime, played by the test double that
// tests/e2e/realtime.spec.ts starts on E2E_REALTIME_DOUBLE_PORT.
const realtimePort = choosePort('E2E_REALTIME_PORT')
const realtimeDoublePort = choosePort('E2E_REALTIME_DOUBLE_PORT')

/** Debian's Chromium, since Playwright cannot download its own browser build here. */
function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (candidate): candidate is string => Boolean(candidate),
  )
  return candidates.find((candidate) => fs.existsSync(candidate))
}

const executablePath = findChromium()
if (!executablePath) {
  throw new Error(
    'Chromium not found at /usr/bin/chromium. Install it with `apt-get install -y chromium`, or set CHROMIUM_PATH.',
  )
}

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `node scripts/serve-test-server.mjs --port ${port}`,
      url: `http://127.0.0.1:${port}/api/counts?ids=00000000-0000-4000-8000-000000000000`,
      env: TEST_SERVER_ENV,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: `node scripts/serve-test-server.mjs --port ${realtimePort}`,
      url: `http://127.0.0.1:${realtimePort}/api/counts?ids=00000000-0000-4000-8000-000000000000`,
      env: {
        ...TEST_SERVER_ENV,
        NEXT_PUBLIC_SUPABASE_URL: `http://127.0.0.1:${realtimeDoublePort}`,
        NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'test-publishable-key',
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
})
