import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

import lockfile from 'proper-lockfile'

import type { Database, NotificationHandler, Queryable } from '@/lib/db/types'

/** How long a lock survives a process that died without releasing it. */
const STALE_LOCK_MS = 10_000

// Resolved from the working directory (the project root for `next start`, the tests and the
// scripts) because bundled server code has no stable path of its own.
const THREAD_SCRIPT = path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib', 'db', 'pglite-thread.mjs')

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

/** A Postgres error from the worker thread, with the fields (code, constraint…) that Postgres set. */
export class PgliteError extends Error {
  code?: string
  detail?: string
  constraint?: string

  constructor(fields: { name: string; message: string; code?: string; detail?: string; constraint?: string }) {
    super(fields.message)
    this.name = fields.name === 'Error' ? 'PgliteError' : fields.name
    Object.assign(this, fields)
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

type Reply = { id: number; result?: unknown; error?: ConstructorParameters<typeof PgliteError>[0] }
type Notification = { op: 'notification'; channel: string; payload: string }

/**
 * The main-thread side of lib/db/pglite-thread.mjs: sends operations, matches replies by id,
 * and keeps transactions exclusive. PGlite has one connection, so while a transaction is
 * open every other statement waits for it to end.
 */
class PgliteThread {
  private nextId = 1
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>()
  private readonly handlers = new Map<string, Set<NotificationHandler>>()
  private transactionTail: Promise<void> = Promise.resolve()
  private exitError: Error | undefined

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: Reply | Notification) => {
      if ('op' in message) {
        for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload)
        return
      }
      const entry = this.pending.get(message.id)
      if (!entry) return
      this.pending.delete(message.id)
      if (message.error) entry.reject(new PgliteError(message.error))
      else entry.resolve(message.result)
    })
    worker.on('exit', (code) => {
      this.exitError = new Error(`The embedded database thread stopped (exit code ${code}). Restart Scanboard.`)
      for (const entry of this.pending.values()) entry.reject(this.exitError)
      this.pending.clear()
    })
  }

  static start(dataDir: string | undefined): Promise<PgliteThread> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(THREAD_SCRIPT, { workerData: { dataDir } })
      const onError = (error: Error) => reject(error)
      const onExit = (code: number) => reject(new Error(`The embedded database thread exited with code ${code} while starting.`))
      worker.once('error', onError)
      worker.once('exit', onExit)
      worker.once('message', () => {
        worker.off('error', onError)
        worker.off('exit', onExit)
        resolve(new PgliteThread(worker))
      })
    })
  }

  /** Sends one operation straight to the thread, ignoring transactions (for the transaction's own statements). */
  send<T>(message: Record<string, unknown>): Promise<T> {
    if (this.exitError) return Promise.reject(this.exitError)
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      this.worker.postMessage({ id, ...message })
    })
  }

  /** Sends an operation once no transaction is open. */
  async sendOutsideTransaction<T>(message: Record<string, unknown>): Promise<T> {
    await this.transactionTail
    return this.send<T>(message)
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const tx: Queryable = {
      query: <Row>(sql: string, params?: readonly unknown[]) => this.send<Row[]>({ op: 'query', sql, params: params ? [...params] : undefined }),
      exec: (sql: string) => this.send<void>({ op: 'exec', sql }),
    }
    const run = this.transactionTail.then(async () => {
      await tx.exec('begin')
      try {
        const result = await work(tx)
        await tx.exec('commit')
        return result
      } catch (error) {
        await tx.exec('rollback').catch(() => undefined)
        throw error
      }
    })
    this.transactionTail = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  async listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>> {
    let channelHandlers = this.handlers.get(channel)
    if (!channelHandlers) {
      channelHandlers = new Set()
      this.handlers.set(channel, channelHandlers)
      await this.sendOutsideTransaction({ op: 'listen', channel })
    }
    channelHandlers.add(handler)

    return async () => {
      channelHandlers.delete(handler)
      if (channelHandlers.size > 0) return
      this.handlers.delete(channel)
      await this.sendOutsideTransaction({ op: 'unlisten', channel })
    }
  }

  async close() {
    if (!this.exitError) await this.sendOutsideTransaction({ op: 'close' })
    await this.worker.terminate()
  }
}

/**
 * Opens PGlite persisted in `dataDir`, or in memory when `dataDir` is undefined (tests). PGlite
 * runs on a worker thread: measured in the scan benchmark, each statement costs several times
 * more CPU when it runs between requests on the request thread than when the thread that runs
 * it does nothing else (docs/BENCHMARKS.md).
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const absoluteDir = dataDir ? path.resolve(dataDir) : undefined
  const releaseLock = absoluteDir ? await lockDataDir(absoluteDir) : undefined

  let thread: PgliteThread
  try {
    thread = await PgliteThread.start(absoluteDir)
  } catch (error) {
    await releaseLock?.()
    throw error
  }

  return {
    kind: 'pglite',

    query: <Row>(sql: string, params?: readonly unknown[]) =>
      thread.sendOutsideTransaction<Row[]>({ op: 'query', sql, params: params ? [...params] : undefined }),

    exec: (sql: string) => thread.sendOutsideTransaction<void>({ op: 'exec', sql }),

    transaction: (work) => thread.transaction(work),

    // PGlite runs in this process, so its listener never disconnects and needs no reconnect.
    listen: (channel, handler) => thread.listen(channel, handler),

    async close() {
      await thread.close()
      await releaseLock?.()
    },
  }
}
