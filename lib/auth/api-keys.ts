import 'server-only'

import { createHash, randomBytes } from 'node:crypto'

import { getDatabase } from '@/lib/db'
import { insertApiKey, listApiKeys, revokeApiKey, markApiKeyUsed, type ApiKeyRecord } from '@/lib/db/api-keys'
import { logger } from '@/lib/logger'

const KEY_PREFIX = 'sbk_'

function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

/** Creates an API key and returns it with its record. The key itself is not stored and cannot be shown again. */
export async function createApiKey(name: string): Promise<{ key: string; record: ApiKeyRecord }> {
  const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`
  const record = await insertApiKey(await getDatabase(), {
    name,
    keyPrefix: key.slice(0, KEY_PREFIX.length + 6),
    keyHash: hashKey(key),
  })
  logger.info({ apiKeyId: record.id }, 'API key created')
  return { key, record }
}

export async function getApiKeys(): Promise<ApiKeyRecord[]> {
  return listApiKeys(await getDatabase())
}

export async function revokeApiKeyById(id: string): Promise<ApiKeyRecord | null> {
  const record = await revokeApiKey(await getDatabase(), id)
  if (record) logger.info({ apiKeyId: id }, 'API key revoked')
  return record
}

/** Returns the id of the active key that `key` is, or null. */
export async function verifyApiKey(key: string): Promise<string | null> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 200) return null
  return markApiKeyUsed(await getDatabase(), hashKey(key))
}
