import { toApiKeyJson } from '@/lib/auth/api-key-json'
import { revokeApiKeyById } from '@/lib/auth/api-keys'
import { hasAdminSession } from '@/lib/auth/session'
import { isUuid } from '@/lib/codes/service'
import { apiError, methodNotAllowed, withApiErrors } from '@/lib/http/api-errors'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

/** Revokes a key. Requests that use it are refused from then on. */
export const DELETE = withApiErrors('DELETE /api/keys/[id]', async (_request, context: RouteContext<'/api/keys/[id]'>) => {
  if (!(await hasAdminSession())) return apiError(401, 'unauthorized', 'Sign in to manage API keys.')

  const { id } = await context.params
  const record = isUuid(id) ? await revokeApiKeyById(id.toLowerCase()) : null
  if (!record) return apiError(404, 'not_found', `No API key with id ${id}.`)
  return Response.json({ apiKey: toApiKeyJson(record) })
})
export const GET = methodNotAllowed(['DELETE'])
export const POST = methodNotAllowed(['DELETE'])
export const PUT = methodNotAllowed(['DELETE'])
export const PATCH = methodNotAllowed(['DELETE'])
