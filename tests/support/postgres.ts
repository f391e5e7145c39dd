import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import pg from 'pg'

import { findFreePort } from './test-server'

const run = promisify(execFile)
const SCRIPTS = path.resolve(import.meta.dirname, '../../scripts')

export interface ThrowawayPostgres {
  /** A superuser URL on the `postgres` database, for creating and dropping test databases. */
  adminUrl: string
  stop(): Promise<void>
}

/** Tells whether PostgreSQL server binaries are installed where the start script looks. */
export function hasPostgresBinaries(): boolean {
  if (process.env.PG_BIN) return fs.existsSync(path.join(process.env.PG_BIN, 'initdb'))
  const root = '/usr/lib/postgresql'
  return fs.existsSync(root) && fs.readdirSync(root).some((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')))
}

/** Starts a PostgreSQL cluster of its own on a free loopback port, with scripts/start-test-postgres.sh. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const env = {
    ...process.env,
    PG_PORT: String(await findFreePort()),
    PG_DIR: path.join(os.tmpdir(), `scanboard-pg-${randomBytes(4).toString('hex')}`),
  }
  const { stdout } = await run('bash', [path.join(SCRIPTS, 'start-test-postgres.sh')], { env })
  return {
    adminUrl: stdout.trim(),
    stop: async () => {
      await run('bash', [path.join(SCRIPTS, 'stop-test-postgres.sh')], { env })
    },
  }
}

/**
 * Returns the Postgres server that tests may create databases on: TEST_DATABASE_URL when set,
 * else a throwaway cluster when the server binaries are installed, else null (PGlite only).
 */
export async function providePostgres(): Promise<{ adminUrl: string; stop: () => Promise<void> } | null> {
  if (process.env.TEST_DATABASE_URL) return { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => {} }
  if (!hasPostgresBinaries()) {
    console.warn(
      'No PostgreSQL server binaries found and TEST_DATABASE_URL is not set: tests run on PGlite only. ' +
        'Install postgresql or set TEST_DATABASE_URL to run them on Postgres too.',
    )
    return null
  }
  return startThrowawayPostgres()
}

async function withAdmin(adminUrl: string, sql: string) {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}

/** Creates an empty database on the admin URL's server and returns its URL. */
export async function createTestDatabase(adminUrl: string): Promise<{ url: string; name: string }> {
  const name = `scanboard_test_${randomBytes(6).toString('hex')}`
  await withAdmin(adminUrl, `create database ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), name }
}

export async function dropTestDatabase(adminUrl: string, name: string) {
  await withAdmin(adminUrl, `drop database if exists ${name} with (force)`)
}
