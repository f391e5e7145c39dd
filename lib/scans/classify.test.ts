import { describe, expect, it } from 'vitest'

import { classifyHit, parseBotPatterns } from '@/lib/scans/classify'

const headers = (values: Record<string, string>) => new Headers(values)

const BROWSERS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
]

const PREVIEWS = {
  WhatsApp: 'WhatsApp/2.24.6.77 A',
  Slack: 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  Discord: 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
  Telegram: 'TelegramBot (like TwitterBot)',
  Facebook: 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  Mastodon: 'http.rb/5.1.1 (Mastodon/4.2.8; +https://mastodon.social/)',
}

describe('classifyHit', () => {
  it.each(BROWSERS)('counts a browser: %s', (userAgent) => {
    expect(classifyHit('GET', headers({ 'user-agent': userAgent }))).toBe('human')
  })

  it.each(Object.entries(PREVIEWS))('labels the %s preview as a bot', (_name, userAgent) => {
    expect(classifyHit('GET', headers({ 'user-agent': userAgent }))).toBe('bot')
  })

  it('labels HEAD as head, whoever sends it', () => {
    expect(classifyHit('HEAD', headers({ 'user-agent': BROWSERS[0]! }))).toBe('head')
  })

  it.each<Record<string, string>>([{ 'sec-purpose': 'prefetch' }, { 'sec-purpose': 'prefetch;prerender' }, { purpose: 'prefetch' }])('labels %j as prefetch', (extra) => {
    expect(classifyHit('GET', headers({ 'user-agent': BROWSERS[0]!, ...extra }))).toBe('prefetch')
  })

  it('labels a missing user agent as a bot', () => {
    expect(classifyHit('GET', headers({}))).toBe('bot')
  })

  it('applies extra patterns from the configuration', () => {
    const patterns = parseBotPatterns(' InternalChecker , door.app ')
    expect(classifyHit('GET', headers({ 'user-agent': `${BROWSERS[0]} internalchecker/1.0` }), patterns)).toBe('bot')
    expect(classifyHit('GET', headers({ 'user-agent': `${BROWSERS[0]} door.app/2` }), patterns)).toBe('bot')
    // A pattern is plain text: its dot matches only a dot.
    expect(classifyHit('GET', headers({ 'user-agent': `${BROWSERS[0]} doorXapp/2` }), patterns)).toBe('human')
  })
})
