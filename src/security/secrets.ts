import { toBase64Url } from './encoding'
import { sha256Hex } from './sha256'

/** 256 random bits, URL-safe: session secrets, API tokens, invite codes. */
export function randomSecret(bytes = 32): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)))
}

/**
 * Secrets are stored only as SHA-256 hashes, so a leaked database does not leak sessions.
 * Synchronous `node:crypto` (`sha256Hex`), not WebCrypto: every request hashes its session or token.
 */
export async function hashSecret(secret: string): Promise<string> {
  return sha256Hex(secret)
}

/** API tokens carry a recognisable prefix so secret scanners can find leaked ones. */
export const tokenPrefix = 'dd_'

export function newApiToken(): string {
  return `${tokenPrefix}${randomSecret(32)}`
}
