// Loads .env.local and the other .env files as `next dev` and `next start` do. Import it
// before anything else: lib/logger.ts reads the settings as soon as it is loaded.
import { loadEnvConfig } from '@next/env'

loadEnvConfig(process.cwd())
