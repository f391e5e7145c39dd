import fs from 'node:fs'
import path from 'node:path'

import { PGlite, type Transaction } from '@electric-sql/pglite'
import lockfile from 'proper-lockfile'

import type { Database, Queryable } from '@/lib/db/types'

/** How long a lock survives a process that died without releasing it. */
const STALE_LOCK_MS = 10_000

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The embedded database folder ${dataDir} is in use by another process (lock file ${dataDir}.lock). ` +
        'PGlite cannot share a folder between processes. Stop the other Scanboard process, or set ' +
        `PGLITE_DATA_DIR to another folder. If no other process is running, the lock is stale and ` +
        `expires within ${STALE_LOCK_MS / 1000} seconds.`,
    )
    this.name = 'DataDirLockedError'
  }
}

/**
 * Locks `dataDir` so that a second process fails at once instead of silently losing writes,
 * because PGlite does not lock its folder itself. Returns the function that releases the lock.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true })

  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: `${dataDir}.lock`,
      stale: STALE_LOCK_MS,
      retries: 0,
      realpath: false,
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir)
    throw error
  }
}

function wrapQueryable(handle: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params?: readonly unknown[]) {
      const result = await handle.query<Row>(sql, params ? [...params] : undefined)
      return result.rows
    },
    async exec(sql: string) {
      await handle.exec(sql)
    },
  }
}

/**
 * Opens PGlite persisted in `dataDir`, or in memory when `dataDir` is undefined (tests).
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const absoluteDir = dataDir ? path.resolve(dataDir) : undefined
  const releaseLock = absoluteDir ? await lockDataDir(absoluteDir) : undefined

  let pg: PGlite
  try {
    pg = await PGlite.create(absoluteDir)
  } catch (error) {
    await releaseLock?.()
    throw error
  }

  const queryable = wrapQueryable(pg)

  return {
    kind: 'pglite',
    query: queryable.query,
    exec: queryable.exec,

    transaction(work) {
      return pg.transaction((tx) => work(wrapQueryable(tx)))
    },

    async listen(channel, handler) {
      // PGlite runs in this process, so its listener never disconnects and needs no reconnect.
      return pg.listen(channel, handler)
    },

    async close() {
      await pg.close()
      await releaseLock?.()
    },
  }
}
