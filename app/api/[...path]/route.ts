import { apiError } from '@/lib/http/api-errors'

/** Returns a JSON 404 for unknown API paths, like every other API error. */
function notFound(request: Request): Response {
  return apiError(404, 'not_found', `No API route at ${new URL(request.url).pathname}. See the README for the routes.`)
}

export const GET = notFound
export const POST = notFound
export const PUT = notFound
export const PATCH = notFound
export const DELETE = notFound
