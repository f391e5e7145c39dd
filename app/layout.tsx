import type { Metadata } from 'next'

import { PublicConfigProvider } from '@/components/public-config'
import { readPublicConfig } from '@/lib/public-env'

import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Scanboard', template: '%s · Scanboard' },
  description: 'Live QR codes: create a code, scan it, and watch the count rise.',
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <PublicConfigProvider value={readPublicConfig()}>{children}</PublicConfigProvider>
      </body>
    </html>
  )
}
