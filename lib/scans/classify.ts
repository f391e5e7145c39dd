import { isbot } from 'isbot'

import type { ScanLabel } from '@/lib/db/scans'

/** Turns a comma-separated list of user-agent fragments into case-insensitive matchers. */
export function parseBotPatterns(list: string | undefined): RegExp[] {
  return (list ?? '')
    .split(',')
    .map((pattern) => pattern.trim())
    .filter(Boolean)
    .map((pattern) => new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'))
}

/**
 * Labels a hit of the scan route. HEAD requests and browser prefetches (`Sec-Purpose: prefetch`,
 * `Purpose: prefetch`) are not someone scanning; crawlers and link previews are bots, by the
 * isbot package and the extra patterns. A request without a user agent is a script, so a bot.
 */
export function classifyHit(method: string, headers: Headers, extraBotPatterns: readonly RegExp[] = []): ScanLabel {
  if (method === 'HEAD') return 'head'
  const purpose = `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''} ${headers.get('x-purpose') ?? ''}`.toLowerCase()
  if (/\bprefetch\b|\bpreview\b/.test(purpose)) return 'prefetch'
  const userAgent = headers.get('user-agent')?.trim() ?? ''
  if (userAgent === '' || isbot(userAgent) || extraBotPatterns.some((pattern) => pattern.test(userAgent))) return 'bot'
  return 'human'
}
