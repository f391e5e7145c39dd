import 'server-only'

import { forbidden, redirect } from 'next/navigation'

import { verifyApiKey } from '@/lib/auth/api-keys'
import { hasAdminSession } from '@/lib/auth/session'
import { apiError } from '@/lib/http/api-errors'

/** Returns a local path to go back to after signing in, or `/` for anything else. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/'
  return value
}

/** Sends a signed-out visitor of an admin page to the sign-in page, and back to `returnTo` afterwards. */
export async function requireAdminPage(returnTo: string): Promise<void> {
  if (await hasAdminSession()) return
  redirect(`/sign-in?next=${encodeURIComponent(safeReturnPath(returnTo))}`)
}

/**
 * Responds 403 (through forbidden()) to a server action called without a session. Server actions are public POST
 * endpoints, so each one checks for itself, whatever page it is used on.
 */
export async function requireAdminAction(): Promise<void> {
  if (await hasAdminSession()) return
  forbidden()
}

/**
 * Authorises a JSON API request by `Authorization: Bearer <API key>` or by the session cookie.
 * Returns null when it may go ahead, or the 401 response to send.
 */
export async function authorizeApiRequest(request: Request): Promise<Response | null> {
  const authorization = request.headers.get('authorization')
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization)
    if (match?.[1] && (await verifyApiKey(match[1]))) return null
    return apiError(401, 'unauthorized', 'The API key is invalid or revoked. Create a new one under Settings.')
  }

  if (await hasAdminSession()) return null
  return apiError(401, 'unauthorized', 'Sign in, or send an API key as `Authorization: Bearer <key>`.')
}
