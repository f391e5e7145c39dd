import type { TestProject } from 'vitest/node'

import { startTestServer } from '../support/test-server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/** Starts one production server for all HTTP test files. */
export default async function setup(project: TestProject) {
  const server = await startTestServer({ SCAN_CAPTURE_IP: 'false' })
  project.provide('baseUrl', server.baseUrl)
  return () => server.stop()
}
