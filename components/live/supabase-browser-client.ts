import { createClient, type SupabaseClient } from '@supabase/supabase-js'

import type { PublicConfig } from '@/lib/public-env'

let client: { key: string; instance: SupabaseClient } | undefined

/**
 * Returns the page's Supabase client, created once per URL and key: a client per render would
 * open a socket per render. Null when the Supabase URL or the public key is not set.
 */
export function getBrowserSupabase(config: PublicConfig): SupabaseClient | null {
  if (!config.supabaseUrl || !config.supabaseKey) return null
  const key = `${config.supabaseUrl} ${config.supabaseKey}`
  if (client?.key !== key) {
    client = {
      key,
      instance: createClient(config.supabaseUrl, config.supabaseKey, {
        auth: { persistSession: false, autoRefreshToken: false },
      }),
    }
  }
  return client.instance
}
