const os = require('node:os')

const { PHASE_PRODUCTION_SERVER } = require('next/constants')

/**
 * Hostnames besides localhost that may load the dev server's assets: this machine's own
 * network addresses and SITE_URL's host, so that a phone on the same network can open the
 * short links and pages under `npm run dev`. Production (`next start`) ignores this list.
 */
function devOrigins() {
  const hosts = Object.values(os.networkInterfaces())
    .flat()
    .filter((address) => address && !address.internal && address.family === 'IPv4')
    .map((address) => address.address)
  if (process.env.SITE_URL) {
    try {
      hosts.push(new URL(process.env.SITE_URL).hostname)
    } catch {
      // lib/env.ts reports an invalid SITE_URL with a clear message at start-up.
    }
  }
  return hosts
}

/**
 * Refuses to start a production server that anyone could administer: without ADMIN_PASSWORD
 * and SESSION_SECRET the dashboard would have no sign-in. `next dev` runs without them and shows
 * a banner on the dashboard, code and settings pages.
 */
function assertAccessControlConfigured() {
  const missing = ['ADMIN_PASSWORD', 'SESSION_SECRET'].filter((name) => !process.env[name])
  if (missing.length > 0) {
    throw new Error(
      `Scanboard will not start in production without ${missing.join(' and ')}. Set ADMIN_PASSWORD to the ` +
        'team password (12 characters or more) and SESSION_SECRET to a random string of 32 characters or more ' +
        '(`openssl rand -base64 32`), in .env.local or the environment.',
    )
  }
  // The same minimum lengths as lib/env.ts, checked here so that the server stops before it serves.
  const tooShort = [
    ['ADMIN_PASSWORD', 12],
    ['SESSION_SECRET', 32],
  ].filter(([name, length]) => String(process.env[name]).length < length)
  if (tooShort.length > 0) {
    throw new Error(
      `Scanboard will not start: ${tooShort.map(([name, length]) => `${name} must be at least ${length} characters`).join(', and ')}.`,
    )
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  experimental: {
    // Enables forbidden(), which responds 403 to a server action called without a session.
    authInterrupts: true,
  },
  allowedDevOrigins: devOrigins(),

  // PGlite loads its WebAssembly and data files from its own package folder, and pg and pino
  // load optional modules at run time, so all three stay outside the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'pino', 'proper-lockfile'],

  // The migrations are read from disk at start-up, so a traced deployment must carry them.
  outputFileTracingIncludes: {
    '/**': ['./supabase/migrations/**', './lib/db/pglite-thread.mjs'],
  },

  poweredByHeader: false,

  // QR codes encode short links in upper case (QR alphanumeric mode is denser than byte
  // mode), so /S/<SLUG> must reach the same handler as /s/<slug>.
  async rewrites() {
    return [
      { source: '/S/:slug', destination: '/s/:slug' },
      // Personal codes are encoded in upper case too (see lib/codes/qr.ts).
      { source: '/T/:token', destination: '/t/:token' },
    ]
  },
}

module.exports = (phase) => {
  if (phase === PHASE_PRODUCTION_SERVER) assertAccessControlConfigured()
  return nextConfig
}
