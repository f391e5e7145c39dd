import type { TestProject } from 'vitest/node'

import { providePostgres } from './postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of a Postgres server for the tests, or '' to run on PGlite only. */
    postgresAdminUrl: string
  }
}

/** Provides a Postgres server to the database tests: TEST_DATABASE_URL, or a throwaway cluster. */
export default async function setup(project: TestProject) {
  const postgres = await providePostgres()
  project.provide('postgresAdminUrl', postgres?.adminUrl ?? '')
  return () => postgres?.stop()
}
