/**
 * Opens (and migrates) the database when the server starts, so a locked data folder or a
 * missing migration fails at start-up rather than on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return

  const { getDatabase } = await import('@/lib/db')
  await getDatabase()
}
