import { z } from 'zod'

export const MAX_URL_LENGTH = 2048
export const MAX_MESSAGE_LENGTH = 1000
export const MAX_TITLE_LENGTH = 120

/** Counts Unicode code points, as Postgres `char_length` does, so an emoji counts once. */
function countCodePoints(text: string): number {
  return Array.from(text).length
}

// Any C0 control character, DEL, or C1 control character.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/
const SCHEME_PREFIX = /^([a-z][a-z0-9+.-]*):/i

type UrlCheck = { ok: true; href: string } | { ok: false; message: string }

/**
 * Checks a destination URL and returns it as the WHATWG URL parser serialises it: the host in
 * lower case and, for an internationalised domain name, in punycode. The path, query string and
 * fragment keep their bytes, `+` and `%2B` included.
 */
export function checkDestinationUrl(input: string): UrlCheck {
  const text = input.trim()
  if (text === '') return { ok: false, message: 'Enter the URL the code should open.' }
  if (text.length > MAX_URL_LENGTH) {
    return { ok: false, message: `URL is too long: ${text.length} characters, at most ${MAX_URL_LENGTH}.` }
  }

  // Browsers drop tabs and line breaks inside a URL, so "java\tscript:" is "javascript:". The
  // scheme is judged on the text a browser would see.
  const scheme = SCHEME_PREFIX.exec(text.replace(/[\t\n\r]/g, ''))?.[1]?.toLowerCase()
  if (!scheme) return { ok: false, message: 'Enter an absolute URL that starts with https:// or http://.' }
  if (scheme !== 'http' && scheme !== 'https') {
    return { ok: false, message: `Only http and https URLs are allowed, not "${scheme}:".` }
  }

  if (text.includes(' ')) return { ok: false, message: 'URL contains a space. Replace each space with %20.' }
  if (CONTROL_CHARACTER.test(text)) return { ok: false, message: 'URL contains a tab, line break or other control character.' }

  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { ok: false, message: 'Enter a valid URL, such as https://example.com/page.' }
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: 'Only http and https URLs are allowed.' }
  }
  if (url.hostname === '') return { ok: false, message: 'URL has no host name.' }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: 'URL must not contain a user name or password.' }
  }
  if (url.href.length > MAX_URL_LENGTH) {
    return {
      ok: false,
      message: `URL is too long once encoded: ${url.href.length} characters, at most ${MAX_URL_LENGTH}.`,
    }
  }

  return { ok: true, href: url.href }
}

const titleSchema = z
  .string({ error: 'Title must be text.' })
  .optional()
  .nullable()
  .transform((value, ctx) => {
    const title = value?.trim() ?? ''
    if (title === '') return null

    if (CONTROL_CHARACTER.test(title)) {
      ctx.addIssue({ code: 'custom', message: 'Title must be a single line without control characters.' })
      return z.NEVER
    }
    const length = countCodePoints(title)
    if (length > MAX_TITLE_LENGTH) {
      ctx.addIssue({ code: 'custom', message: `Title is too long: ${length} characters, at most ${MAX_TITLE_LENGTH}.` })
      return z.NEVER
    }
    return title
  })

const destinationSchema = z
  .string({ error: (issue) => (issue.input == null ? 'Enter the URL the code should open.' : 'URL must be text.') })
  .transform((value, ctx) => {
    const result = checkDestinationUrl(value)
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message })
      return z.NEVER
    }
    return result.href
  })

const messageSchema = z
  .string({ error: (issue) => (issue.input == null ? 'Enter the message the code should show.' : 'Message must be text.') })
  .transform((value, ctx) => {
    if (value.trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'Enter the message the code should show.' })
      return z.NEVER
    }
    // Postgres text cannot contain NUL, so it is rejected here rather than failing at insert.
    if (value.includes('\u0000')) {
      ctx.addIssue({ code: 'custom', message: 'Message must not contain a NUL character.' })
      return z.NEVER
    }
    const length = countCodePoints(value)
    if (length > MAX_MESSAGE_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        message: `Message is too long: ${length} characters, at most ${MAX_MESSAGE_LENGTH}.`,
      })
      return z.NEVER
    }
    return value
  })

/** The input for a new code, shared by the create form, `POST /api/codes` and the tests. */
export const createCodeSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('url'), title: titleSchema, destination: destinationSchema }),
    z.object({ kind: z.literal('message'), title: titleSchema, message: messageSchema }),
  ],
  { error: 'Choose what the code opens: "url" or "message".' },
)

export type CreateCodeInput = z.output<typeof createCodeSchema>

/** Field name to the first message for that field, for forms and 400 responses. */
export type FieldErrors = Partial<Record<string, string>>

export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {}
  for (const issue of error.issues) {
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
    const field = issue.path.length > 0 ? String(issue.path[0]) : (unknownKey ?? 'kind')
    fieldErrors[field] ??= issue.message
  }
  return fieldErrors
}

const SHORT_LINK_PATH = /^\/(s|m|t|p|check-in)\//i

/**
 * Returns an error when `url` points at one of this app's own short links, which would send a
 * scan round in a loop or count it twice; null otherwise. `origin` is the app's own origin.
 */
export function loopError(url: string, origin: string): string | null {
  return pointsAtOwnShortLink(url, new URL(origin).host)
    ? 'This URL is a short link of this app. Point the code at the final page instead, so scans do not loop.'
    : null
}

const LOOPBACK_NAMES = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i

/**
 * Tells whether `url` is one of this app's short links, served at `ownHost` (host and port).
 * Loopback names (localhost, 127.x.x.x, [::1]) on the same port all reach the same server.
 */
export function pointsAtOwnShortLink(url: string, ownHost: string): boolean {
  let target: URL
  let own: URL
  try {
    target = new URL(url)
    own = new URL(`http://${ownHost}`)
  } catch {
    return false
  }
  if (!SHORT_LINK_PATH.test(target.pathname)) return false
  const targetPort = target.port || (target.protocol === 'https:' ? '443' : '80')
  // The own host comes from a Host header, which names the port unless it is the default.
  const samePort = own.port ? targetPort === own.port : targetPort === '80' || targetPort === '443'
  if (!samePort) return false
  return target.hostname === own.hostname || (LOOPBACK_NAMES.test(target.hostname) && LOOPBACK_NAMES.test(own.hostname))
}

const optionalUrlSchema = z
  .string({ error: 'Fallback URL must be text.' })
  .nullable()
  .transform((value, ctx) => {
    if (value === null || value.trim() === '') return null
    const result = checkDestinationUrl(value)
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message })
      return z.NEVER
    }
    return result.href
  })

/** Changes to a code, from the JSON API or the code page; fields left out keep their value. */
export const updateCodeSchema = z
  .object({
    title: titleSchema,
    destination: destinationSchema.optional(),
    paused: z.boolean({ error: 'paused must be true or false.' }).optional(),
    expiresAt: z.iso
      .datetime({ offset: true, error: 'Expiry must be a date and time with a time zone, such as 2026-12-31T23:59:00Z.' })
      .nullable()
      .optional()
      .transform((value) => (typeof value === 'string' ? new Date(value) : value)),
    maxScans: z
      .number({ error: 'Maximum scans must be a whole number.' })
      .int('Maximum scans must be a whole number.')
      .min(1, 'Maximum scans must be at least 1.')
      .max(1_000_000_000, 'Maximum scans must be at most 1,000,000,000.')
      .nullable()
      .optional(),
    fallbackUrl: optionalUrlSchema.optional(),
    archived: z.boolean({ error: 'archived must be true or false.' }).optional(),
  })
  .strict()

export type UpdateCodeInput = z.output<typeof updateCodeSchema>
