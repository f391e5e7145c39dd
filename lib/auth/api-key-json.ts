import type { ApiKeyRecord } from '@/lib/db/api-keys'

/** An API key as the JSON API returns it: never the key itself, only its first characters. */
export function toApiKeyJson(record: ApiKeyRecord) {
  return {
    id: record.id,
    name: record.name,
    keyPrefix: record.keyPrefix,
    createdAt: record.createdAt.toISOString(),
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
    revokedAt: record.revokedAt?.toISOString() ?? null,
  }
}
