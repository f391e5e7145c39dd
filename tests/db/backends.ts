import { afterEach, beforeEach, inject } from 'vitest'

import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite'
import { openPostgres } from '@/lib/db/postgres'
import type { Database } from '@/lib/db/types'

import { createTestDatabase, dropTestDatabase } from '../support/postgres'

export interface Backend {
  name: 'pglite' | 'postgres'
  /** Opens a fresh, empty database. */
  open(): Promise<Database>
  /** Closes the database and drops what `open` created. */
  dispose(db: Database): Promise<void>
}

const pgliteBackend: Backend = {
  name: 'pglite',
  open: () => openPglite(undefined),
  dispose: (db) => db.close(),
}

/** Creates a database of its own for each `open`, so test files never see each other's rows. */
function postgresBackend(adminUrl: string): Backend {
  const databaseNames = new WeakMap<Database, string>()

  return {
    name: 'postgres',
    async open() {
      const { url, name } = await createTestDatabase(adminUrl)
      const db = await openPostgres({ connectionString: url, poolMax: 20 })
      databaseNames.set(db, name)
      return db
    },
    async dispose(db) {
      await db.close()
      const name = databaseNames.get(db)
      if (name) await dropTestDatabase(adminUrl, name)
    },
  }
}

const postgresAdminUrl = inject('postgresAdminUrl')

/** PGlite always; Postgres too when the global setup provided a server. */
export const backends: Backend[] = postgresAdminUrl ? [pgliteBackend, postgresBackend(postgresAdminUrl)] : [pgliteBackend]

/**
 * Opens a fresh, migrated database before each test of the calling `describe` block and disposes
 * of it afterwards. Returns a function that gives the current test's database.
 */
export function useMigratedDatabase(backend: Backend): () => Database {
  let db: Database | undefined
  beforeEach(async () => {
    db = await backend.open()
    await migrate(db)
  })
  afterEach(async () => {
    if (db) await backend.dispose(db)
    db = undefined
  })
  return () => {
    if (!db) throw new Error('the database is used outside a test')
    return db
  }
}
