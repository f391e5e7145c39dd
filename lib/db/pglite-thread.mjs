// Runs PGlite on a worker thread, so that Postgres (compiled to WebAssembly) executes beside
// the request thread instead of on it. lib/db/pglite.ts starts it and talks to it with
// messages: { id, op, ... } in, { id, result } or { id, error } out, and
// { op: 'notification', channel, payload } for LISTEN.
import { parentPort, workerData } from 'node:worker_threads'

import { PGlite } from '@electric-sql/pglite'

const db = await PGlite.create(workerData.dataDir ?? undefined)
const unlisteners = new Map()

/** Copies the fields of a Postgres error that callers read, since an Error loses them in transfer. */
function serializeError(error) {
  const fields = {}
  for (const key of ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'severity']) {
    if (error && error[key] !== undefined) fields[key] = error[key]
  }
  return { name: error?.name ?? 'Error', message: error?.message ?? String(error), ...fields }
}

async function handle(message) {
  switch (message.op) {
    case 'query':
      return (await db.query(message.sql, message.params)).rows
    case 'exec':
      await db.exec(message.sql)
      return null
    case 'listen':
      if (!unlisteners.has(message.channel)) {
        const unlisten = await db.listen(message.channel, (payload) => {
          parentPort.postMessage({ op: 'notification', channel: message.channel, payload })
        })
        unlisteners.set(message.channel, unlisten)
      }
      return null
    case 'unlisten':
      await unlisteners.get(message.channel)?.()
      unlisteners.delete(message.channel)
      return null
    case 'close':
      await db.close()
      return null
    default:
      throw new Error(`Unknown operation ${message.op}`)
  }
}

parentPort.on('message', async (message) => {
  try {
    const result = await handle(message)
    parentPort.postMessage({ id: message.id, result })
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: serializeError(error) })
  }
})

parentPort.postMessage({ op: 'ready' })
