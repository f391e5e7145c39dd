import { createClient, type SupabaseClient } from '@supabase/supabase-js'

import { publicEnv } from '@/lib/public-env'

let client: SupabaseClient | undefined

/**
 * Returns the page's Supabase client, created once: a client per render would open a socket
 * per render. Null when NEXT_PUBLIC_SUPABASE_URL or the public key is not set.
 */
export function getBrowserSupabase(): SupabaseClient | null {
  if (!publicEnv.supabaseUrl || !publicEnv.supabaseKey) return null
  client ??= createClient(publicEnv.supabaseUrl, publicEnv.supabaseKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  })
  return client
}
