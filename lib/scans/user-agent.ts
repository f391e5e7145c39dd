import { UAParser } from 'ua-parser-js'

/** Describes a user agent in words, such as "Chrome 120 on Android 14 (mobile)". */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser'

  const { browser, os, device } = new UAParser(userAgent).getResult()
  const browserText = browser.name ? [browser.name, browser.version?.split('.')[0]].filter(Boolean).join(' ') : 'Unknown browser'
  const osText = os.name ? [os.name, os.version].filter(Boolean).join(' ') : null
  const deviceText = device.type ?? null

  return [browserText, osText ? `on ${osText}` : null, deviceText ? `(${deviceText})` : null].filter(Boolean).join(' ')
}
