import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

// `npm run build:test` builds with these marker values in the environment (see package.json).
const MARKERS = ['marker-admin-password-5b1f', 'marker-session-secret-5b1f', 'marker-db-password-5b1f']

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? listFiles(full) : [full]
  })
}

describe('browser bundle', () => {
  it('contains no server secret', () => {
    const staticDir = path.resolve(import.meta.dirname, '../../.next/static')
    const files = listFiles(staticDir)
    expect(files.length).toBeGreaterThan(0)

    for (const file of files) {
      const text = fs.readFileSync(file, 'latin1')
      for (const marker of MARKERS) expect(text.includes(marker), `${marker} found in ${file}`).toBe(false)
    }
  })
})

describe('build output', () => {
  it('prerenders no page that depends on the session', () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../.next/prerender-manifest.json'), 'utf8'),
    ) as { routes: Record<string, unknown> }
    const prerendered = Object.keys(manifest.routes).filter((route) => !['/_not-found', '/icon.svg', '/_global-error'].includes(route))
    expect(prerendered).toEqual([])
  })
})
