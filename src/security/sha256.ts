import { createHash } from 'node:crypto'

/**
 * SHA-256 of a string's UTF-8 bytes, in hex. `node:crypto` is native on Node and on Workers
 * (`nodejs_compat`), synchronous, and adds nothing to the Worker bundle. WebCrypto's
 * `crypto.subtle.digest` is not used: every request hashes its session or token, and on Node
 * that call (a thread-pool job and a promise) cost 10% of the review loop's CPU in the profile.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
