import type { Queryable } from '@/lib/db/types'

export interface ApiKeyRecord {
  id: string
  name: string
  keyPrefix: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
}

interface ApiKeyRow {
  id: string
  name: string
  key_prefix: string
  created_at: Date
  last_used_at: Date | null
  revoked_at: Date | null
}

function toApiKeyRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.key_prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }
}

const COLUMNS = 'id, name, key_prefix, created_at, last_used_at, revoked_at'

export async function insertApiKey(db: Queryable, key: { name: string; keyPrefix: string; keyHash: string }): Promise<ApiKeyRecord> {
  const rows = await db.query<ApiKeyRow>(
    `insert into public.api_keys (name, key_prefix, key_hash) values ($1, $2, $3) returning ${COLUMNS}`,
    [key.name, key.keyPrefix, key.keyHash],
  )
  return toApiKeyRecord(rows[0]!)
}

export async function listApiKeys(db: Queryable): Promise<ApiKeyRecord[]> {
  const rows = await db.query<ApiKeyRow>(`select ${COLUMNS} from public.api_keys order by created_at desc`)
  return rows.map(toApiKeyRecord)
}

/** Revokes a key and returns it, or returns null when there is no such key. Revoking twice keeps the first time. */
export async function revokeApiKey(db: Queryable, id: string): Promise<ApiKeyRecord | null> {
  const rows = await db.query<ApiKeyRow>(
    `update public.api_keys set revoked_at = coalesce(revoked_at, now()) where id = $1 returning ${COLUMNS}`,
    [id],
  )
  return rows[0] ? toApiKeyRecord(rows[0]) : null
}

/** Marks an active key with this hash as used, in one statement, and returns its id; null when none matches. */
export async function markApiKeyUsed(db: Queryable, keyHash: string): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    'update public.api_keys set last_used_at = now() where key_hash = $1 and revoked_at is null returning id',
    [keyHash],
  )
  return rows[0]?.id ?? null
}
