import 'server-only'

import { getServerEnv } from '@/lib/env'
import { listPendingMigrations, migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite'
import { openPostgres } from '@/lib/db/postgres'
import type { Database } from '@/lib/db/types'
import { logger } from '@/lib/logger'

export type { Database, Queryable } from '@/lib/db/types'

// One instance per process, kept on globalThis so that `next dev` module reloads reuse it
// instead of opening (and locking) the data folder again.
const globalForDb = globalThis as typeof globalThis & { scanboardDatabase?: Promise<Database> }

async function openConfiguredDatabase(): Promise<Database> {
  const env = getServerEnv()

  if (!env.DATABASE_URL) {
    if (process.env.VERCEL) {
      throw new Error(
        'DATABASE_URL is not set. On Vercel the embedded database cannot persist (each function has its own ' +
          "short-lived disk): set DATABASE_URL to your Supabase project's transaction pooler connection string.",
      )
    }
    const db = await openPglite(env.PGLITE_DATA_DIR)
    const applied = await migrate(db)
    logger.info({ dataDir: env.PGLITE_DATA_DIR, applied }, 'embedded database ready')
    return db
  }

  const db = await openPostgres({
    connectionString: env.DATABASE_URL,
    listenConnectionString: env.DATABASE_LISTEN_URL,
    poolMax: env.DATABASE_POOL_MAX,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    idleTimeoutMs: env.DATABASE_IDLE_TIMEOUT_MS,
  })

  if (env.DB_MIGRATE_ON_START) {
    const applied = await migrate(db)
    logger.info({ applied }, 'Postgres migrations applied at start-up')
    return db
  }

  let pending: string[]
  try {
    pending = await listPendingMigrations(db)
  } catch (error) {
    await db.close().catch(() => undefined)
    const host = safeHost(env.DATABASE_URL)
    throw new Error(
      `Cannot reach the database at DATABASE_URL (${host}): ${error instanceof Error ? error.message : String(error)}. ` +
        'Check the connection string, and that the server accepts connections from here.',
    )
  }
  if (pending.length > 0) {
    await db.close()
    throw new Error(
      `The database is missing migrations ${pending.join(', ')}. Run \`npm run db:migrate\` with the same ` +
        'DATABASE_URL, or set DB_MIGRATE_ON_START=true on a single self-hosted server.',
    )
  }
  return db
}

/** Returns the host and port of a connection string, without the user name or password. */
function safeHost(connectionString: string): string {
  try {
    return new URL(connectionString).host || 'unknown host'
  } catch {
    return 'an unparsable URL'
  }
}

/** Returns the process's database, opening and migrating it on first use. */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.scanboardDatabase) {
    globalForDb.scanboardDatabase = openConfiguredDatabase().catch((error: unknown) => {
      // Forget the failure so the next request tries again, rather than failing forever.
      globalForDb.scanboardDatabase = undefined
      throw error
    })
  }
  return globalForDb.scanboardDatabase
}
