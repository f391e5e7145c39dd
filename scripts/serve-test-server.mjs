#!/usr/bin/env node
// Serves the production build (`npm run build` first) on 127.0.0.1 with a fresh embedded
// database in a temporary folder, which is removed on exit. Used by the HTTP tests, the
// browser tests and the benchmark.
//
//   node scripts/serve-test-server.mjs --port 3217
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const portIndex = process.argv.indexOf('--port')
const port = portIndex > 0 ? process.argv[portIndex + 1] : process.env.PORT

if (!port || !/^\d+$/.test(port)) {
  console.error('Missing or invalid --port: pass a TCP port number, such as --port 3217.')
  process.exit(2)
}
if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('No production build found in .next: run `npm run build` first.')
  process.exit(2)
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scanboard-test-db-'))
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')

const server = spawn(process.execPath, [nextBin, 'start', '--hostname', '127.0.0.1', '--port', port], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    // Test runners set NODE_ENV=test; the server under test must behave as in production.
    NODE_ENV: 'production',
    PGLITE_DATA_DIR: path.join(dataDir, 'pglite'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  },
})

const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true })

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal))
}
server.on('exit', (code, signal) => {
  removeDataDir()
  process.exit(code ?? (signal ? 0 : 1))
})
