import { describe, expect, it } from 'vitest'

import { createCodeSchema, toFieldErrors } from '@/lib/codes/schema'

function parseUrl(destination: unknown) {
  return createCodeSchema.safeParse({ kind: 'url', destination })
}

function destinationOf(input: string): string {
  const result = parseUrl(input)
  if (!result.success) throw new Error(`rejected ${JSON.stringify(input)}: ${result.error.message}`)
  if (result.data.kind !== 'url') throw new Error('expected a url code')
  return result.data.destination
}

function destinationError(input: unknown): string | undefined {
  const result = parseUrl(input)
  return result.success ? undefined : toFieldErrors(result.error).destination
}

describe('createCodeSchema: URL codes', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'jav\nascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/file',
    'mailto:someone@example.com',
    'blob:https://example.com/uuid',
    'ws://example.com/socket',
  ])('rejects %j', (input) => {
    expect(destinationError(input)).toMatch(/http/i)
  })

  it('rejects a raw space with a message that says so', () => {
    expect(destinationError('https://example.com/a b')).toBe('URL contains a space. Replace each space with %20.')
  })

  it('rejects a URL of 2,049 characters', () => {
    const url = `https://example.com/${'a'.repeat(2049 - 'https://example.com/'.length)}`
    expect(url).toHaveLength(2049)
    expect(destinationError(url)).toMatch(/too long: 2049 characters, at most 2048/)
  })

  it('accepts a URL of 2,048 characters', () => {
    const url = `https://example.com/${'a'.repeat(2048 - 'https://example.com/'.length)}`
    expect(destinationOf(url)).toBe(url)
  })

  it('keeps the query string, + and %2B byte for byte', () => {
    expect(destinationOf('https://example.com/search?q=a+b%2Bc&x=%20y')).toBe('https://example.com/search?q=a+b%2Bc&x=%20y')
  })

  it('keeps the fragment', () => {
    expect(destinationOf('https://example.com/page?x=1#section-2')).toBe('https://example.com/page?x=1#section-2')
  })

  it('stores an internationalised host in punycode', () => {
    expect(destinationOf('https://bücher.example/straße?q=ü')).toBe('https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC')
  })

  it('trims surrounding spaces and lower-cases scheme and host', () => {
    expect(destinationOf('  HTTPS://Example.COM/Path  ')).toBe('https://example.com/Path')
  })

  it('rejects a relative URL', () => {
    expect(destinationError('/just/a/path')).toMatch(/absolute URL/)
    expect(destinationError('example.com')).toMatch(/absolute URL/)
  })

  it('rejects credentials in the URL', () => {
    expect(destinationError('https://user:secret@example.com/')).toMatch(/user name or password/)
  })

  it('rejects a missing or empty URL', () => {
    expect(destinationError(undefined)).toBe('Enter the URL the code should open.')
    expect(destinationError('   ')).toBe('Enter the URL the code should open.')
  })

  it('rejects a URL that is not text', () => {
    expect(destinationError(42)).toBe('URL must be text.')
  })
})

describe('createCodeSchema: message codes', () => {
  it('accepts emoji, CJK and line separators unchanged', () => {
    const message = 'Welcome 👋🏽 歡迎光臨\u2028second line\u2029third\nfourth'
    const result = createCodeSchema.safeParse({ kind: 'message', message })
    expect(result.success).toBe(true)
    if (result.success && result.data.kind === 'message') expect(result.data.message).toBe(message)
  })

  it('counts 1,000 emoji as 1,000 characters', () => {
    expect(createCodeSchema.safeParse({ kind: 'message', message: '😀'.repeat(1000) }).success).toBe(true)
    const tooLong = createCodeSchema.safeParse({ kind: 'message', message: '😀'.repeat(1001) })
    expect(tooLong.success).toBe(false)
    if (!tooLong.success) expect(toFieldErrors(tooLong.error).message).toMatch(/1001 characters, at most 1000/)
  })

  it('rejects an empty message and a NUL character', () => {
    const empty = createCodeSchema.safeParse({ kind: 'message', message: ' \n ' })
    expect(empty.success).toBe(false)
    const withNul = createCodeSchema.safeParse({ kind: 'message', message: 'a\u0000b' })
    expect(withNul.success).toBe(false)
    if (!withNul.success) expect(toFieldErrors(withNul.error).message).toMatch(/NUL/)
  })
})

describe('createCodeSchema: title and kind', () => {
  it('turns an empty title into null', () => {
    const result = createCodeSchema.safeParse({ kind: 'message', message: 'hi', title: '  ' })
    expect(result.success).toBe(true)
    expect(result.data?.title).toBeNull()
  })

  it('accepts 120 characters and rejects 121', () => {
    expect(createCodeSchema.safeParse({ kind: 'message', message: 'hi', title: 'é'.repeat(120) }).success).toBe(true)
    const result = createCodeSchema.safeParse({ kind: 'message', message: 'hi', title: 'é'.repeat(121) })
    expect(result.success).toBe(false)
    if (!result.success) expect(toFieldErrors(result.error).title).toMatch(/at most 120/)
  })

  it('rejects a title with a line break', () => {
    const result = createCodeSchema.safeParse({ kind: 'message', message: 'hi', title: 'two\nlines' })
    expect(result.success).toBe(false)
  })

  it('names the kind field for an unknown kind', () => {
    const result = createCodeSchema.safeParse({ kind: 'sms', message: 'hi' })
    expect(result.success).toBe(false)
    if (!result.success) expect(toFieldErrors(result.error).kind).toMatch(/"url" or "message"/)
  })
})
