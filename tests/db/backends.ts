import { randomBytes } from 'node:crypto'

import pg from 'pg'

import { openPglite } from '@/lib/db/pglite'
import { openPostgres } from '@/lib/db/postgres'
import type { Database } from '@/lib/db/types'

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

/**
 * A backend that creates a throwaway database on the server at TEST_DATABASE_URL for each
 * `open`, so test files never see each other's rows.
 */
function postgresBackend(adminUrl: string): Backend {
  const databaseNames = new WeakMap<Database, string>()

  const withAdmin = async (sql: string) => {
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    try {
      await admin.query(sql)
    } finally {
      await admin.end()
    }
  }

  return {
    name: 'postgres',
    async open() {
      const name = `scanboard_test_${randomBytes(6).toString('hex')}`
      await withAdmin(`create database ${name}`)
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      const db = await openPostgres({ connectionString: url.toString(), poolMax: 20 })
      databaseNames.set(db, name)
      return db
    },
    async dispose(db) {
      await db.close()
      const name = databaseNames.get(db)
      if (name) await withAdmin(`drop database if exists ${name} with (force)`)
    },
  }
}

/** PGlite always; Postgres too when TEST_DATABASE_URL names a server the tests may create databases on. */
export const backends: Backend[] = process.env.TEST_DATABASE_URL
  ? [pgliteBackend, postgresBackend(process.env.TEST_DATABASE_URL)]
  : [pgliteBackend]

if (!process.env.TEST_DATABASE_URL) {
  console.warn('TEST_DATABASE_URL is not set: database tests run on PGlite only. .ci/run sets it to a throwaway server.')
}
