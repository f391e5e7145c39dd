import pg from 'pg'

import type { Database, ListenOptions, NotificationHandler, Queryable } from '@/lib/db/types'
import { logger } from '@/lib/logger'

// Counts fit in a JavaScript number, and PGlite returns int8 as a number too, so both
// drivers hand the same row shapes to the rest of the app.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))

const MAX_RECONNECT_DELAY_MS = 30_000

export interface PostgresOptions {
  connectionString: string
  /** A session-mode connection for LISTEN; transaction-mode poolers drop LISTEN. */
  listenConnectionString?: string
  poolMax?: number
  connectTimeoutMs?: number
  /** How long an unused connection stays open; short suits serverless functions, which freeze between requests. */
  idleTimeoutMs?: number
}

/**
 * Keeps one dedicated LISTEN connection for the whole process, reconnecting with backoff and
 * jitter, and fans its notifications out to the handlers of each channel.
 */
class Listener {
  private client: pg.Client | undefined
  private connecting: Promise<void> | undefined
  private readonly handlers = new Map<string, Set<{ handler: NotificationHandler; options?: ListenOptions }>>()
  private closed = false
  private failures = 0

  constructor(private readonly connectionString: string) {}

  async subscribe(channel: string, handler: NotificationHandler, options?: ListenOptions) {
    const entry = { handler, options }
    let channelHandlers = this.handlers.get(channel)
    const isNewChannel = !channelHandlers
    if (!channelHandlers) {
      channelHandlers = new Set()
      this.handlers.set(channel, channelHandlers)
    }
    channelHandlers.add(entry)

    await this.ensureConnected()
    if (isNewChannel && this.client) await this.client.query(`listen ${pg.escapeIdentifier(channel)}`)

    return async () => {
      channelHandlers.delete(entry)
      if (channelHandlers.size > 0) return
      this.handlers.delete(channel)
      await this.client?.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => undefined)
    }
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve()
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined
    })
    return this.connecting
  }

  private async connect() {
    const client = new pg.Client({ connectionString: this.connectionString })
    client.on('notification', (message) => {
      for (const { handler } of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '')
    })
    client.on('error', (error) => {
      logger.warn({ err: error }, 'LISTEN connection failed; reconnecting')
      this.dropAndReconnect(client)
    })
    client.on('end', () => this.dropAndReconnect(client))

    await client.connect()
    for (const channel of this.handlers.keys()) await client.query(`listen ${pg.escapeIdentifier(channel)}`)
    this.client = client
    this.failures = 0
  }

  private dropAndReconnect(client: pg.Client) {
    if (this.client !== client || this.closed) return
    this.client = undefined
    client.end().catch(() => undefined)
    void this.reconnectWithBackoff()
  }

  private async reconnectWithBackoff() {
    while (!this.closed && !this.client) {
      const delay = Math.min(MAX_RECONNECT_DELAY_MS, 500 * 2 ** this.failures) * (0.5 + Math.random() / 2)
      await new Promise((resolve) => setTimeout(resolve, delay))
      try {
        await this.ensureConnected()
        logger.info({ attempts: this.failures + 1 }, 'LISTEN connection re-established')
        for (const entries of this.handlers.values()) for (const { options } of entries) options?.onReconnect?.()
      } catch (error) {
        this.failures += 1
        logger.warn({ err: error, attempts: this.failures }, 'LISTEN reconnect failed')
      }
    }
  }

  async close() {
    this.closed = true
    await this.client?.end()
    this.client = undefined
  }
}

function wrapClient(client: pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params?: readonly unknown[]) {
      const result = await client.query(sql, params ? [...params] : undefined)
      return result.rows as Row[]
    },
    async exec(sql: string) {
      await client.query(sql)
    },
  }
}

/** Opens a pool on a Postgres server. Statements are unnamed, so a transaction-mode pooler works. */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolMax ?? 10,
    idleTimeoutMillis: options.idleTimeoutMs ?? 10_000,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  })
  pool.on('error', (error) => {
    // 57P01 (admin_shutdown): the server ended an idle connection, as it does on a restart or
    // when a database is dropped. The pool opens a new connection when it next needs one.
    if ((error as Error & { code?: string }).code === '57P01') {
      logger.info({ code: '57P01' }, 'Postgres ended an idle pooled connection')
      return
    }
    logger.warn({ err: error }, 'idle Postgres connection failed')
  })

  const listener = new Listener(options.listenConnectionString ?? options.connectionString)

  return {
    kind: 'postgres',

    async query<Row>(sql: string, params?: readonly unknown[]) {
      const result = await pool.query(sql, params ? [...params] : undefined)
      return result.rows as Row[]
    },

    async exec(sql) {
      await pool.query(sql)
    },

    async transaction(work) {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const result = await work(wrapClient(client))
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },

    listen(channel, handler, listenOptions) {
      return listener.subscribe(channel, handler, listenOptions)
    },

    async close() {
      await listener.close()
      await pool.end()
    },
  }
}
