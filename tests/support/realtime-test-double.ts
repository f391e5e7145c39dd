import type { AddressInfo } from 'node:net'

import { WebSocket, WebSocketServer } from 'ws'

/** One frame of the Phoenix channel protocol as supabase-js sends it (vsn 2.0.0, JSON). */
type Frame = [joinRef: string | null, ref: string | null, topic: string, event: string, payload: Record<string, unknown>]

interface Join {
  socket: WebSocket
  joinRef: string | null
  topic: string
  postgresChanges: { event: string; schema: string; table: string; filter?: string }[]
  /** The id the join reply gave each of `postgresChanges`; changes name the bindings they match by id. */
  bindingIds: number[]
}

/**
 * A TEST DOUBLE standing in for Supabase Realtime's WebSocket endpoint, because no Realtime
 * server can run on the test machine. It speaks only the part of the Phoenix channel protocol
 * that supabase-js uses for Postgres changes: heartbeats, `phx_join` with its reply (or an
 * error reply), `postgres_changes` messages, `phx_leave`, and a dropped socket. It has no
 * database, no row-level security and no authentication: changes are whatever a test sends.
 */
export class RealtimeTestDouble {
  readonly joins: Join[] = []
  /** When set, the next join gets this error reply instead of `ok`. */
  failNextJoin: string | null = null
  /** When true, the next join gets no reply at all, so the client's join times out. */
  ignoreNextJoin = false
  private readonly server: WebSocketServer
  private bindingId = 1000

  private constructor(server: WebSocketServer) {
    this.server = server
    server.on('connection', (socket) => {
      socket.on('message', (data) => this.receive(socket, JSON.parse(data.toString()) as Frame))
      socket.on('close', () => {
        for (let index = this.joins.length - 1; index >= 0; index--) {
          if (this.joins[index]!.socket === socket) this.joins.splice(index, 1)
        }
      })
    })
  }

  /** Starts the double on 127.0.0.1, on `port` or a free port. */
  static async start(port = 0): Promise<RealtimeTestDouble> {
    const server = new WebSocketServer({ host: '127.0.0.1', port })
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    return new RealtimeTestDouble(server)
  }

  /** The URL to give createClient() as the Supabase project URL. */
  get projectUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  get connectionCount(): number {
    return this.server.clients.size
  }

  private send(socket: WebSocket, frame: Frame) {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame))
  }

  private receive(socket: WebSocket, [joinRef, ref, topic, event, payload]: Frame) {
    if (topic === 'phoenix' && event === 'heartbeat') {
      this.send(socket, [null, ref, 'phoenix', 'phx_reply', { status: 'ok', response: {} }])
      return
    }

    if (event === 'phx_join') {
      if (this.ignoreNextJoin) {
        this.ignoreNextJoin = false
        return
      }
      if (this.failNextJoin) {
        const reason = this.failNextJoin
        this.failNextJoin = null
        this.send(socket, [joinRef, ref, topic, 'phx_reply', { status: 'error', response: { reason } }])
        return
      }
      const config = (payload.config ?? {}) as { postgres_changes?: Join['postgresChanges'] }
      const postgresChanges = config.postgres_changes ?? []
      const bindingIds = postgresChanges.map(() => this.bindingId++)
      this.joins.push({ socket, joinRef, topic, postgresChanges, bindingIds })
      const response = { postgres_changes: postgresChanges.map((change, index) => ({ ...change, id: bindingIds[index] })) }
      this.send(socket, [joinRef, ref, topic, 'phx_reply', { status: 'ok', response }])
      return
    }

    if (event === 'phx_leave') {
      const index = this.joins.findIndex((join) => join.socket === socket && join.topic === topic)
      if (index >= 0) this.joins.splice(index, 1)
      this.send(socket, [joinRef, ref, topic, 'phx_reply', { status: 'ok', response: {} }])
      return
    }

    // access_token and other pushes: acknowledge and ignore.
    if (ref) this.send(socket, [joinRef, ref, topic, 'phx_reply', { status: 'ok', response: {} }])
  }

  /**
   * Sends an UPDATE of public.scan_counts to every joined channel whose filter names the code,
   * as Realtime would after a commit. Returns how many channels it was sent to.
   */
  sendScanCountUpdate(record: { code_id: string; scan_count: number; last_scanned_at: string; version: number }): number {
    let sent = 0
    for (const join of this.joins) {
      const ids = join.bindingIds.filter((_, index) => {
        const change = join.postgresChanges[index]!
        return change.table === 'scan_counts' && Boolean(change.filter?.includes(record.code_id))
      })
      if (ids.length === 0) continue
      this.send(join.socket, [
        null,
        null,
        join.topic,
        'postgres_changes',
        {
          ids,
          data: {
            schema: 'public',
            table: 'scan_counts',
            commit_timestamp: new Date().toISOString(),
            type: 'UPDATE',
            columns: [
              { name: 'code_id', type: 'uuid' },
              { name: 'scan_count', type: 'int4' },
              { name: 'last_scanned_at', type: 'timestamptz' },
              { name: 'version', type: 'int8' },
            ],
            record,
            old_record: { code_id: record.code_id },
            errors: null,
          },
        },
      ])
      sent += 1
    }
    return sent
  }

  /** Closes every client socket abruptly, as a network drop or a Realtime restart would. */
  dropConnections() {
    for (const socket of this.server.clients) socket.terminate()
  }

  async close() {
    this.dropConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}
