// Applies pending migrations from supabase/migrations to the configured database: PGlite in
// PGLITE_DATA_DIR, or the server at DATABASE_URL (use Supabase's direct or session connection,
// not the transaction pooler). Run it with `npm run db:migrate`.
import './load-env'

import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite'
import { openPostgres } from '@/lib/db/postgres'
import { getServerEnv } from '@/lib/env'

async function main() {
  const env = getServerEnv()
  const db = env.DATABASE_URL
    ? await openPostgres({ connectionString: env.DATABASE_URL, poolMax: 1 })
    : await openPglite(env.PGLITE_DATA_DIR)
  const target = env.DATABASE_URL ? 'the Postgres server at DATABASE_URL' : `PGlite in ${env.PGLITE_DATA_DIR}`

  try {
    const applied = await migrate(db)
    console.log(applied.length > 0 ? `Applied ${applied.join(', ')} to ${target}.` : `Nothing to apply: ${target} is up to date.`)
  } finally {
    await db.close()
  }
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
