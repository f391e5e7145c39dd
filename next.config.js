/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder, and pg and pino
  // load optional modules at run time, so all three stay outside the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'pino', 'proper-lockfile'],

  // The migrations are read from disk at start-up, so a traced deployment must carry them.
  outputFileTracingIncludes: {
    '/**': ['./supabase/migrations/**'],
  },

  poweredByHeader: false,

  // QR codes encode short links in upper case (QR alphanumeric mode is denser than byte
  // mode), so /S/<SLUG> must reach the same handler as /s/<slug>.
  async rewrites() {
    return [{ source: '/S/:slug', destination: '/s/:slug' }]
  },
}

module.exports = nextConfig
