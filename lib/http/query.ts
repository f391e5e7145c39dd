/** Parses a query parameter as a whole number of at least 1; `fallback` when absent, null when invalid. */
export function parsePositiveInt(value: string | null, fallback: number): number | null {
  if (value === null || value === '') return fallback
  if (!/^\d{1,9}$/.test(value)) return null
  const number = Number(value)
  return number >= 1 ? number : null
}

export const MAX_IDS_PER_REQUEST = 100

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Parses `ids=<uuid>,<uuid>` into a set of lower-case UUIDs, or returns an error message. */
export function parseIdList(value: string | null): { ok: true; ids: Set<string> } | { ok: false; message: string } {
  const ids = (value ?? '')
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean)

  if (ids.length === 0) return { ok: false, message: 'ids is missing: pass ids=<code id>,<code id>.' }
  if (ids.length > MAX_IDS_PER_REQUEST) return { ok: false, message: `ids has ${ids.length} entries, at most ${MAX_IDS_PER_REQUEST}.` }

  const invalid = ids.find((id) => !UUID_PATTERN.test(id))
  if (invalid !== undefined) return { ok: false, message: `ids contains "${invalid.slice(0, 40)}", which is not a code id (UUID).` }
  return { ok: true, ids: new Set(ids) }
}
