/** The only configuration that reaches the browser. */
export interface PublicConfig {
  /** The Supabase project URL; with a key, live counts use Supabase Realtime. */
  supabaseUrl: string | null
  /** The public anon or publishable key: it may read scan_counts and nothing else. */
  supabaseKey: string | null
}

/**
 * Reads the public settings on the server, at request time. The names are looked up
 * indirectly on purpose: Next inlines a literal `process.env.NEXT_PUBLIC_…` at build time, and
 * these settings must take effect on a restart, without a rebuild. The root layout passes the
 * result to the browser.
 */
export function readPublicConfig(): PublicConfig {
  const read = (name: string) => process.env[name]?.trim() || null
  return {
    supabaseUrl: read('NEXT_PUBLIC_SUPABASE_URL'),
    supabaseKey: read('NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY') ?? read('NEXT_PUBLIC_SUPABASE_ANON_KEY'),
  }
}
