/**
 * Opens (and migrates) the database when the server starts; `next start` calls this when the
 * first request arrives. A locked data folder, an unreachable server or a missing migration
 * stops the process with the reason, instead of leaving a server that answers 500 to everything.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return

  const { getDatabase } = await import('@/lib/db')
  try {
    await getDatabase()
  } catch (error) {
    console.error(`Scanboard cannot start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
