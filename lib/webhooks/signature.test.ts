import { createHmac } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { generateWebhookSecret, signPayload, verifySignature } from '@/lib/webhooks/signature'

describe('webhook signature', () => {
  const secret = generateWebhookSecret()
  const body = '{"id":"e1","type":"scan.recorded"}'

  it('is the hex HMAC-SHA256 of timestamp.body', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex')
    expect(signPayload(secret, 1_700_000_000, body)).toBe(`v1=${expected}`)
  })

  it('verifies within five minutes', () => {
    const signature = signPayload(secret, 1_700_000_000, body)
    expect(verifySignature(secret, '1700000000', signature, body, { now: 1_700_000_299 })).toBe(true)
    expect(verifySignature(secret, '1700000000', signature, body, { now: 1_700_000_301 })).toBe(false)
  })

  it('rejects a changed body, timestamp or secret', () => {
    const signature = signPayload(secret, 1_700_000_000, body)
    const now = 1_700_000_000
    expect(verifySignature(secret, '1700000000', signature, `${body} `, { now })).toBe(false)
    expect(verifySignature(secret, '1700000001', signature, body, { now })).toBe(false)
    expect(verifySignature(generateWebhookSecret(), '1700000000', signature, body, { now })).toBe(false)
    expect(verifySignature(secret, 'abc', signature, body, { now })).toBe(false)
  })

  it('generates distinct secrets with a prefix', () => {
    expect(generateWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/)
    expect(generateWebhookSecret()).not.toBe(generateWebhookSecret())
  })
})
