import type { TestProject } from 'vitest/node'

import { createTestDatabase, dropTestDatabase, providePostgres } from '../support/postgres'
import { startTestServer } from '../support/test-server'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the server under test, or '' when its database is not available here. */
    baseUrl: string
    /** The database of the server under test, for tests that insert rows directly, or '' on PGlite (which the server locks). */
    serverDatabaseUrl: string
  }
}

/**
 * Webhook settings of the test servers: loopback receivers allowed (the tests start them on
 * 127.0.0.1), and a retry schedule of seconds instead of minutes.
 */
const WEBHOOK_TEST_ENV = {
  WEBHOOKS_ALLOW_LOOPBACK: 'true',
  WEBHOOKS_POLL_INTERVAL_MS: '200',
  WEBHOOKS_RETRY_BASE_MS: '500',
  WEBHOOKS_RETRY_MAX_DELAY_MS: '1000',
  WEBHOOKS_RETRY_WINDOW_MS: '6000',
  WEBHOOKS_TIMEOUT_MS: '2000',
}

/**
 * Starts one production server for all HTTP test files of the project: on PGlite for
 * `http-pglite`, on a fresh database of a Postgres server for `http-postgres`.
 */
export default async function setup(project: TestProject) {
  if (project.name !== 'http-postgres') {
    const server = await startTestServer({ SCAN_CAPTURE_IP: 'false', CLIENT_IP_SOURCE: 'vercel', ...WEBHOOK_TEST_ENV })
    project.provide('baseUrl', server.baseUrl)
    project.provide('postgresAdminUrl', '')
    project.provide('serverDatabaseUrl', '')
    return () => server.stop()
  }

  const postgres = await providePostgres()
  if (!postgres) {
    project.provide('baseUrl', '')
    project.provide('postgresAdminUrl', '')
    project.provide('serverDatabaseUrl', '')
    return undefined
  }
  project.provide('postgresAdminUrl', postgres.adminUrl)
  const database = await createTestDatabase(postgres.adminUrl)
  const server = await startTestServer({
    SCAN_CAPTURE_IP: 'false',
    CLIENT_IP_SOURCE: 'vercel',
    DATABASE_URL: database.url,
    DB_MIGRATE_ON_START: 'true',
    ...WEBHOOK_TEST_ENV,
  })
  project.provide('baseUrl', server.baseUrl)
  project.provide('serverDatabaseUrl', database.url)
  return async () => {
    await server.stop()
    await dropTestDatabase(postgres.adminUrl, database.name)
    await postgres.stop()
  }
}
