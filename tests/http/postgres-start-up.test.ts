import { inject } from 'vitest'
import { describe, expect, it } from 'vitest'

import { TEST_SERVER_ENV } from '../support/credentials'
import { createTestDatabase, dropTestDatabase } from '../support/postgres'
import { startServerOnce } from '../support/start-server-once'

describe('next start with DATABASE_URL', () => {
  it('exits, naming the command to run, when migrations are missing', async () => {
    const adminUrl = inject('postgresAdminUrl')
    const database = await createTestDatabase(adminUrl)
    try {
      const { code, output } = await startServerOnce({ ...TEST_SERVER_ENV, DATABASE_URL: database.url, DB_MIGRATE_ON_START: 'false' })
      expect(code).toBe(1)
      expect(output).toContain('The database is missing migrations')
      expect(output).toContain('npm run db:migrate')
    } finally {
      await dropTestDatabase(adminUrl, database.name)
    }
  }, 60_000)
})
