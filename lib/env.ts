import { z } from 'zod'

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1')

const serverEnvSchema = z.object({
  DATABASE_URL: z.string().trim().min(1).optional(),
  DATABASE_LISTEN_URL: z.string().trim().min(1).optional(),
  PGLITE_DATA_DIR: z.string().trim().min(1).default('.data/pglite'),
  DB_MIGRATE_ON_START: booleanFlag,
  SITE_URL: z
    .url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL such as https://qr.example.com' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SCAN_CAPTURE_IP: booleanFlag,
  // Stored addresses are cut to /24 (IPv4) or /48 (IPv6) unless this is set to false.
  SCAN_IP_ANONYMIZE: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((value) => value !== 'false' && value !== '0'),
  // Where the client address comes from: only a header that the hosting platform or your own
  // proxy sets. vercel: x-vercel-forwarded-for; proxy: the right-most X-Forwarded-For hop, which
  // the nearest proxy appends; none: no address, so no unique scanners and no stored IPs.
  CLIENT_IP_SOURCE: z.enum(['vercel', 'proxy', 'none']).optional(),
  // Extra user-agent patterns to label as bots, comma-separated, matched case-insensitively.
  SCAN_BOT_PATTERNS: z.string().optional(),
  // The secret that the daily salt for unique scanners is derived from; SESSION_SECRET by default.
  ANALYTICS_SECRET: z.string().min(32, 'must be at least 32 characters').optional().or(z.literal('').transform(() => undefined)),
  ENABLE_BENCH_ROUTES: booleanFlag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(5),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  DATABASE_IDLE_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  ADMIN_PASSWORD: z
    .string()
    .min(12, 'must be at least 12 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SESSION_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters; generate one with `openssl rand -base64 32`')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Lets webhook endpoints on 127.0.0.0/8 and ::1 receive events, for local receivers in
  // development and tests. Rejected at start-up when NODE_ENV is production.
  WEBHOOKS_ALLOW_LOOPBACK: booleanFlag,
  // The bearer token Vercel Cron sends to /api/cron/webhooks; without it that route returns 401.
  CRON_SECRET: z.string().min(16, 'must be at least 16 characters').optional().or(z.literal('').transform(() => undefined)),
  // Webhook retry schedule, in milliseconds: the first delay (doubled after each failure), the
  // longest delay, and how long after an event it is still retried before being marked failed.
  WEBHOOKS_RETRY_BASE_MS: z.coerce.number().int().min(0).default(30_000),
  WEBHOOKS_RETRY_MAX_DELAY_MS: z.coerce.number().int().min(0).default(3_600_000),
  WEBHOOKS_RETRY_WINDOW_MS: z.coerce.number().int().min(0).default(86_400_000),
  // The limit for one delivery attempt, redirects included, in milliseconds.
  WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  // How often the worker of a long-running server looks for due deliveries, in milliseconds.
  WEBHOOKS_POLL_INTERVAL_MS: z.coerce.number().int().min(50).default(5_000),
})

export type ServerEnv = z.infer<typeof serverEnvSchema>

let cached: ServerEnv | undefined

/**
 * Parses the server's environment once and throws an error that names every invalid variable.
 */
export function getServerEnv(): ServerEnv {
  if (cached) return cached

  const result = serverEnvSchema.safeParse(process.env)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment variables:\n${problems.join('\n')}`)
  }

  cached = result.data
  return cached
}

export function isAccessControlConfigured(env: ServerEnv = getServerEnv()): boolean {
  return Boolean(env.ADMIN_PASSWORD && env.SESSION_SECRET)
}

/**
 * Tells whether the admin pages are open without signing in: only in development, and only
 * while ADMIN_PASSWORD and SESSION_SECRET are unset. Production refuses to start without them.
 */
export function isOpenDevelopmentMode(env: ServerEnv = getServerEnv()): boolean {
  return env.NODE_ENV !== 'production' && !isAccessControlConfigured(env)
}
