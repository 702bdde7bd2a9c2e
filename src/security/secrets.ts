import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { toBase64Url } from './encoding'

/** 256 random bits, URL-safe: session secrets, API tokens, invite codes. */
export function randomSecret(bytes = 32): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)))
}

/**
 * Secrets are stored only as SHA-256 hashes, so a leaked database does not leak sessions.
 * @noble/hashes, not `crypto.subtle.digest`: every request hashes its session or token, and on
 * Node the WebCrypto call (a job on the thread pool and a promise) cost 10% of the review loop's
 * CPU in the profile, against microseconds for a 43-byte input hashed in place.
 */
export async function hashSecret(secret: string): Promise<string> {
  return bytesToHex(sha256(utf8ToBytes(secret)))
}

/** API tokens carry a recognisable prefix so secret scanners can find leaked ones. */
export const tokenPrefix = 'dd_'

export function newApiToken(): string {
  return `${tokenPrefix}${randomSecret(32)}`
}
