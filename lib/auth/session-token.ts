import { jwtVerify, SignJWT } from 'jose'

export const SESSION_COOKIE = 'scanboard_session'
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60

const ISSUER = 'scanboard'
const AUDIENCE = 'scanboard-admin'

function keyFrom(secret: string): Uint8Array {
  return new TextEncoder().encode(secret)
}

/** Signs a session token (a JWT with HMAC-SHA256) that expires after `maxAgeSeconds`. */
export async function signSessionToken(secret: string, maxAgeSeconds = SESSION_MAX_AGE_SECONDS): Promise<string> {
  return new SignJWT({ role: 'admin' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${maxAgeSeconds}s`)
    .sign(keyFrom(secret))
}

/** Returns true when `token` was signed with `secret`, is for this app and has not expired. */
export async function verifySessionToken(secret: string, token: string | undefined): Promise<boolean> {
  if (!token) return false
  try {
    const { payload } = await jwtVerify(token, keyFrom(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    })
    return payload.role === 'admin'
  } catch {
    return false
  }
}
