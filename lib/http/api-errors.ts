import 'server-only'

import type { FieldErrors } from '@/lib/codes/schema'
import { logger } from '@/lib/logger'

export type ApiErrorCode =
  | 'method_not_allowed'
  | 'invalid_json'
  | 'payload_too_large'
  | 'validation_failed'
  | 'invalid_parameter'
  | 'not_found'
  | 'unauthorized'
  | 'too_many_requests'
  | 'conflict'
  | 'not_a_badge'
  | 'invalid_csv'
  | 'names_hidden'
  | 'forbidden'
  | 'internal_error'

/** Builds a JSON error response: `{ "error": { "code", "message", "fields"? } }`. */
export function apiError(status: number, code: ApiErrorCode, message: string, fields?: FieldErrors): Response {
  return Response.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status })
}

/**
 * Wraps a route handler so that an unexpected error is logged once, with the route and the
 * ids involved, and returned as a 500 JSON body instead of an HTML error page.
 */
export function withApiErrors<Args extends unknown[]>(
  route: string,
  handler: (request: Request, ...args: Args) => Promise<Response>,
) {
  return async (request: Request, ...args: Args): Promise<Response> => {
    try {
      return await handler(request, ...args)
    } catch (error) {
      logger.error({ err: error, route, method: request.method }, 'API request failed')
      return apiError(500, 'internal_error', 'Something went wrong on the server. Try again.')
    }
  }
}

const MAX_JSON_BODY_BYTES = 64 * 1024

/** Reads a JSON body of at most `maxBytes` (64 KiB unless told), or returns the 4xx response to send. */
export async function readJsonBody(
  request: Request,
  maxBytes = MAX_JSON_BODY_BYTES,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  const text = declared > maxBytes ? '' : await request.text()
  if (declared > maxBytes || Buffer.byteLength(text) > maxBytes) {
    const limit = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MiB` : `${maxBytes / 1024} KiB`
    return { ok: false, response: apiError(413, 'payload_too_large', `Request body is larger than ${limit}.`) }
  }
  try {
    return { ok: true, body: JSON.parse(text) }
  } catch {
    return { ok: false, response: apiError(400, 'invalid_json', 'Request body is not valid JSON.') }
  }
}

/** Returns a route handler that returns 405 in JSON, with the methods the route does allow. */
export function methodNotAllowed(allowed: readonly string[]) {
  return async (request: Request): Promise<Response> => {
    const response = apiError(405, 'method_not_allowed', `${request.method} is not allowed here. Use ${allowed.join(' or ')}.`)
    response.headers.set('Allow', allowed.join(', '))
    return response
  }
}
