import { beforeEach, inject } from 'vitest'

// The Postgres project has no server when no Postgres is available here: skip, do not fail.
beforeEach((context) => {
  if (!inject('baseUrl')) context.skip('no Postgres server available for this project')
})
