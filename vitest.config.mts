import path from 'node:path'

import { defineConfig } from 'vitest/config'

const alias = {
  '@': path.resolve(import.meta.dirname),
  'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only.ts'),
}

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['lib/**/*.test.ts', 'components/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      ...(['http-pglite', 'http-postgres'] as const).map((name) => ({
        resolve: { alias },
        test: {
          name,
          include: ['tests/http/**/*.test.ts'],
          // These check the build and start-up, not the database, so one project runs them.
          exclude:
            name === 'http-postgres'
              ? ['tests/http/start-up.test.ts', 'tests/http/bundle-secrets.test.ts']
              : ['tests/http/postgres-start-up.test.ts'],
          environment: 'node' as const,
          globalSetup: ['tests/http/global-setup.ts'],
          setupFiles: ['tests/http/skip-without-server.ts'],
          testTimeout: 30_000,
          // One server for all files, and tests that count scans must not interleave.
          fileParallelism: false,
        },
      })),
    ],
  },
})
