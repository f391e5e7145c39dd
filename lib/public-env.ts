/**
 * The only configuration that reaches the browser. Next inlines `process.env.NEXT_PUBLIC_*`
 * at build time, so each name is written out in full here.
 */
export const publicEnv = {
  /** The Supabase project URL; when set with a key, live counts use Supabase Realtime. */
  supabaseUrl: process.env.NEXT_PUBLIC_SUPABASE_URL || undefined,
  /** The public anon or publishable key: it may read scan_counts and nothing else. */
  supabaseKey: process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY || process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY || undefined,
}
