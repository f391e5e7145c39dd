import fs from 'node:fs/promises'
import path from 'node:path'

import type { Database } from '@/lib/db/types'

// next.config.js traces this folder into deployments (outputFileTracingIncludes), so the
// turbopackIgnore comments keep the bundler from tracing the whole project for these reads.
export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), 'supabase', 'migrations')

// Any constant works, as long as every Scanboard process uses the same one.
const MIGRATION_LOCK_KEY = 7_214_630_551

export interface Migration {
  /** The timestamp prefix of the file name, as the Supabase CLI records it. */
  version: string
  name: string
  sql: string
}

/** Reads `<version>_<name>.sql` files from `dir`, sorted by version. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await fs.readdir(/*turbopackIgnore: true*/ dir)).filter((file) => file.endsWith('.sql')).sort()

  return Promise.all(
    files.map(async (file) => {
      const match = /^(\d+)_(.+)\.sql$/.exec(file)
      if (!match?.[1] || !match[2]) {
        throw new Error(`Invalid migration file name ${file}: expected <timestamp>_<name>.sql`)
      }
      return { version: match[1], name: match[2], sql: await fs.readFile(/*turbopackIgnore: true*/ path.join(dir, file), 'utf8') }
    }),
  )
}

// The same ledger the Supabase CLI keeps, so `supabase db push` and this migrator agree.
const CREATE_LEDGER_SQL = `
  create schema if not exists supabase_migrations;
  create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
  alter table supabase_migrations.schema_migrations add column if not exists statements text[];
  alter table supabase_migrations.schema_migrations add column if not exists name text;
`

/**
 * Applies pending migrations in version order and returns the versions it applied. Each one
 * runs in its own transaction under an advisory lock, so two processes starting together
 * never apply a migration twice.
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<string[]> {
  const pending = migrations ?? (await readMigrations())
  const applied: string[] = []

  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY])
    await tx.exec(CREATE_LEDGER_SQL)
  })

  for (const migration of pending) {
    const didApply = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY])
      const existing = await tx.query('select 1 from supabase_migrations.schema_migrations where version = $1', [
        migration.version,
      ])
      if (existing.length > 0) return false

      await tx.exec(migration.sql)
      await tx.query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [
        migration.version,
        migration.name,
        [migration.sql],
      ])
      return true
    })
    if (didApply) applied.push(migration.version)
  }

  return applied
}

/** Returns the versions of the migration files that the database has not applied yet. */
export async function listPendingMigrations(db: Database, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations())
  const ledger = await db.query<{ exists: boolean }>(
    "select to_regclass('supabase_migrations.schema_migrations') is not null as exists",
  )
  if (!ledger[0]?.exists) return all.map((migration) => migration.version)

  const rows = await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations')
  const appliedVersions = new Set(rows.map((row) => row.version))
  return all.filter((migration) => !appliedVersions.has(migration.version)).map((migration) => migration.version)
}
