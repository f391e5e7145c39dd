/** A connection, pool or transaction handle that runs one parameterised statement at a time. */
export interface Queryable {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>
}

/** Called with the payload of each notification on a channel. */
export type NotificationHandler = (payload: string) => void

export interface ListenOptions {
  /**
   * Called after the listening connection was lost and re-established. Notifications sent
   * while it was down are lost, so callers re-read the current state here.
   */
  onReconnect?: () => void
}

/** The database, whichever Postgres runs it: embedded PGlite or a server through DATABASE_URL. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /**
   * Runs `work` in one transaction and commits when it resolves. Statements inside must go
   * through the `tx` handle: on PGlite the outer handle waits for the transaction and deadlocks.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  /** Subscribes to a LISTEN channel and returns a function that unsubscribes. */
  listen(channel: string, handler: NotificationHandler, options?: ListenOptions): Promise<() => Promise<void>>
  close(): Promise<void>
}
