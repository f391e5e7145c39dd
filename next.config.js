const os = require('node:os')

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

/** @type {import('next').NextConfig} */
const nextConfig = {
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
    return [{ source: '/S/:slug', destination: '/s/:slug' }]
  },
}

module.exports = nextConfig
