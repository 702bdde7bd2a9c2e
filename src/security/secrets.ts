import { toBase64Url, toHex } from './encoding'

/** 256 random bits, URL-safe: session secrets, API tokens, invite codes. */
export function randomSecret(bytes = 32): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)))
}

/** Secrets are stored only as SHA-256 hashes, so a leaked database does not leak sessions. */
export async function hashSecret(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret))
  return toHex(new Uint8Array(digest))
}

/** API tokens carry a recognisable prefix so secret scanners can find leaked ones. */
export const tokenPrefix = 'dd_'

export function newApiToken(): string {
  return `${tokenPrefix}${randomSecret(32)}`
}
