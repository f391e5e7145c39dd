/**
 * Opens the database, or stops the process with the reason: invalid settings, a locked data
 * folder, an unreachable server or a missing migration. A server left running would return 500
 * for every request instead. The database module is imported here, inside the try, because
 * reading invalid settings already fails while it loads.
 */
export async function openDatabaseOrExit(): Promise<void> {
  try {
    const { getDatabase } = await import('@/lib/db')
    await getDatabase()
  } catch (error) {
    console.error(`Scanboard cannot start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }

  // A worker that fails to start is logged, not fatal: events stay in the outbox until it runs.
  try {
    const { getServerEnv } = await import('@/lib/env')
    const env = getServerEnv()
    if (env.WEBHOOKS_ALLOW_LOOPBACK && env.NODE_ENV === 'production') {
      const { logger } = await import('@/lib/logger')
      logger.warn('WEBHOOKS_ALLOW_LOOPBACK is on: webhooks may be sent to this machine over plain http. Meant for local receivers and tests only.')
    }
    const { startWebhookWorker } = await import('@/lib/webhooks/service')
    await startWebhookWorker()
  } catch (error) {
    const { logger } = await import('@/lib/logger')
    logger.error({ err: error }, 'webhook delivery worker failed to start; events wait in the outbox')
  }
}
