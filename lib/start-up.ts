import 'server-only'

import { getDatabase } from '@/lib/db'

/**
 * Opens the database, or stops the process with the reason: a locked data folder, an
 * unreachable server or a missing migration. A server left running would return 500 for
 * every request instead.
 */
export async function openDatabaseOrExit(): Promise<void> {
  try {
    await getDatabase()
  } catch (error) {
    console.error(`Scanboard cannot start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
