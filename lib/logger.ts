import 'server-only'

import pino from 'pino'

import { getServerEnv } from '@/lib/env'

function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: String(error) }
  const { code } = error as Error & { code?: unknown }
  return { type: error.name, message: error.message, ...(code !== undefined ? { code } : {}), stack: error.stack }
}

const globalForLogger = globalThis as typeof globalThis & { scanboardLogger?: pino.Logger }

/** The one server logger. It writes JSON lines to standard output and never logs IP addresses. */
export const logger: pino.Logger =
  globalForLogger.scanboardLogger ??
  (globalForLogger.scanboardLogger = pino({
    level: getServerEnv().LOG_LEVEL,
    base: { app: 'scanboard' },
    redact: { paths: ['ip', '*.ip', 'databaseUrl', '*.databaseUrl'], censor: '[redacted]' },
    // Driver errors carry their connection (with its settings) as a property, so only the
    // fields that explain the failure are logged.
    serializers: { err: serializeError },
  }))
