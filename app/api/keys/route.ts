import { createApiKeySchema } from '@/lib/auth/api-key-schema'
import { toApiKeyJson } from '@/lib/auth/api-key-json'
import { createApiKey, getApiKeys } from '@/lib/auth/api-keys'
import { hasAdminSession } from '@/lib/auth/session'
import { toFieldErrors } from '@/lib/codes/schema'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

const SESSION_REQUIRED = 'Sign in to manage API keys; an API key cannot create or list keys.'

export const GET = withApiErrors('GET /api/keys', async () => {
  if (!(await hasAdminSession())) return apiError(401, 'unauthorized', SESSION_REQUIRED)
  const keys = await getApiKeys()
  return Response.json({ keys: keys.map(toApiKeyJson) })
})

/** Creates a key and returns it once, in `key`; only its hash is stored. */
export const POST = withApiErrors('POST /api/keys', async (request) => {
  if (!(await hasAdminSession())) return apiError(401, 'unauthorized', SESSION_REQUIRED)

  const read = await readJsonBody(request)
  if (!read.ok) return read.response
  const parsed = createApiKeySchema.safeParse(read.body)
  if (!parsed.success) return apiError(400, 'validation_failed', 'The key could not be created: check the fields.', toFieldErrors(parsed.error))

  const { key, record } = await createApiKey(parsed.data.name)
  return Response.json({ key, apiKey: toApiKeyJson(record) }, { status: 201 })
})
export const PUT = methodNotAllowed(['GET', 'POST'])
export const PATCH = methodNotAllowed(['GET', 'POST'])
export const DELETE = methodNotAllowed(['GET', 'POST'])
