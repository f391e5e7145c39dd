'use client'

import { createContext, useContext } from 'react'

import type { PublicConfig } from '@/lib/public-env'

const PublicConfigContext = createContext<PublicConfig>({ supabaseUrl: null, supabaseKey: null })

/** Makes the server's public settings available to client components. */
export function PublicConfigProvider({ value, children }: { value: PublicConfig; children: React.ReactNode }) {
  return <PublicConfigContext.Provider value={value}>{children}</PublicConfigContext.Provider>
}

export function usePublicConfig(): PublicConfig {
  return useContext(PublicConfigContext)
}
