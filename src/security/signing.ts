import { createHmac } from 'node:crypto'
import { fromBase64Url, timingSafeEqual, toBase64Url } from './encoding'

/**
 * Values the server hands out and must get back unchanged: the session cookie (which user it
 * belongs to) and a review snapshot (the card state an answer is computed from). Each is
 * `payload.mac`, the MAC an HMAC-SHA-256 under the server's signing key (`SIGNING_KEY`) of the
 * payload and its purpose, so a value signed for one purpose is refused for another.
 *
 * `node:crypto`, not WebCrypto: it is native on Node and on Workers (`nodejs_compat`), adds
 * nothing to the bundle, and is synchronous; every request verifies its cookie, and on Node
 * WebCrypto's promise per call cost 10% of the review loop for the session hash (`sha256.ts`).
 */
export type SignedPurpose = 'session' | 'review-snapshot'

function mac(key: string, purpose: SignedPurpose, payload: string): Uint8Array {
  return createHmac('sha256', key).update(`${purpose}\n${payload}`).digest()
}

/** `payload.mac` (the MAC in base64url, so the last `.` separates them whatever the payload holds). */
export function signValue(key: string, purpose: SignedPurpose, payload: string): string {
  return `${payload}.${toBase64Url(mac(key, purpose, payload))}`
}

/** The payload of a value signed under `key` for `purpose`, or undefined for anything else (timing-safe). */
export function verifyValue(key: string, purpose: SignedPurpose, value: string): string | undefined {
  const dot = value.lastIndexOf('.')
  if (dot <= 0) return undefined
  const payload = value.slice(0, dot)
  const given = value.slice(dot + 1)
  if (!/^[A-Za-z0-9_-]{43}$/.test(given)) return undefined
  const expected = mac(key, purpose, payload)
  return timingSafeEqual(fromBase64Url(given), expected) ? payload : undefined
}
