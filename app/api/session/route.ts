import { z } from 'zod'

import { endSession } from '@/lib/auth/session'
import { SIGN_IN_MESSAGES, signIn } from '@/lib/auth/sign-in'
import { apiError, methodNotAllowed, readJsonBody, withApiErrors } from '@/lib/http/api-errors'

// Uses Node.js APIs (the database drivers, node:crypto), which the Edge runtime lacks.
export const runtime = 'nodejs'

const signInSchema = z.object({ password: z.string({ error: 'Enter the team password.' }).min(1, 'Enter the team password.') })

/** Signs in with the team password and sets the session cookie, for API clients and scripts. */
export const POST = withApiErrors('POST /api/session', async (request) => {
  const read = await readJsonBody(request)
  if (!read.ok) return read.response

  const parsed = signInSchema.safeParse(read.body)
  if (!parsed.success) {
    return apiError(400, 'validation_failed', 'Send {"password": "…"}.', { password: parsed.error.issues[0]?.message ?? 'Invalid' })
  }

  const result = await signIn(parsed.data.password, request.headers)
  if (result.ok) return new Response(null, { status: 204 })
  if (result.reason === 'rate_limited') {
    const response = apiError(429, 'too_many_requests', SIGN_IN_MESSAGES.rate_limited)
    response.headers.set('Retry-After', String(result.retryAfterSeconds ?? 60))
    return response
  }
  if (result.reason === 'not_configured') return apiError(404, 'not_found', SIGN_IN_MESSAGES.not_configured)
  return apiError(401, 'unauthorized', SIGN_IN_MESSAGES.wrong_password)
})

/** Signs out: clears the session cookie. */
export const DELETE = withApiErrors('DELETE /api/session', async () => {
  await endSession()
  return new Response(null, { status: 204 })
})
export const GET = methodNotAllowed(['POST', 'DELETE'])
export const PUT = methodNotAllowed(['POST', 'DELETE'])
export const PATCH = methodNotAllowed(['POST', 'DELETE'])
