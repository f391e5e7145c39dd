/**
 * Opens (and migrates) the database when the server starts; `next start` calls this when the
 * first request arrives. The work lives in lib/start-up.ts, loaded only in the Node.js runtime.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return

  const { openDatabaseOrExit } = await import('@/lib/start-up')
  await openDatabaseOrExit()
}
