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
  ENABLE_BENCH_ROUTES: booleanFlag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
