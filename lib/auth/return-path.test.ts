import { describe, expect, it, vi } from 'vitest'

vi.mock('next/navigation', () => ({ forbidden: vi.fn(), redirect: vi.fn() }))
vi.mock('@/lib/auth/api-keys', () => ({ verifyApiKey: vi.fn() }))
vi.mock('@/lib/auth/session', () => ({ hasAdminSession: vi.fn() }))

const { safeReturnPath } = await import('@/lib/auth/guards')

describe('safeReturnPath', () => {
  it.each([
    ['/codes/123', '/codes/123'],
    ['/?page=2', '/?page=2'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['', '/'],
    [null, '/'],
  ])('%j → %j', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected)
  })
})
