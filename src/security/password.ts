import { scryptAsync } from '@noble/hashes/scrypt.js'
import { randomBytes } from '@noble/hashes/utils.js'
import { fromBase64Url, timingSafeEqual, toBase64Url } from './encoding'
import { normalisePassword } from './password-policy'

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  logN: number
  r: number
  p: number
}

/**
 * OWASP's scrypt minimum in its 16 MiB form (N=2^14, r=8, p=5): memory-hard, and small enough
 * for a Worker's 128 MB isolate. @noble/hashes runs unchanged on Node and on Workers, where
 * PBKDF2 is capped at 100,000 iterations (below OWASP's 600,000 for PBKDF2-SHA256).
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#scrypt
 */
export const defaultScryptParams: ScryptParams = { logN: 14, r: 8, p: 5 }

/** Derived key length in bytes. */
export const keyLength = 32

/**
 * One scrypt derivation. The runtime picks the implementation: Node passes `node:crypto`'s, run
 * in the thread pool (`src/security/scrypt-node.ts`); the Worker keeps @noble/hashes. Both give
 * the same bytes for the same parameters, so hashes move freely between them.
 */
export type Scrypt = (password: string, salt: Uint8Array, params: ScryptParams) => Promise<Uint8Array>

/** @noble/hashes' scrypt: pure JS, yields to the event loop between blocks; runs on Workers. */
export const nobleScrypt: Scrypt = (password, salt, params) =>
  scryptAsync(password, salt, { N: 2 ** params.logN, r: params.r, p: params.p, dkLen: keyLength })

/** Hashes a password into a self-describing PHC-style string: `$scrypt$ln=14,r=8,p=5$salt$hash`. */
export async function hashPassword(
  password: string,
  params = defaultScryptParams,
  scrypt: Scrypt = nobleScrypt,
): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scrypt(normalisePassword(password), salt, params)
  return `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${toBase64Url(salt)}$${toBase64Url(hash)}`
}

const phc = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([\w-]+)\$([\w-]+)$/

/** Checks a password against a stored hash, in constant time over the derived key. */
export async function verifyPassword(password: string, stored: string, scrypt: Scrypt = nobleScrypt): Promise<boolean> {
  const match = phc.exec(stored)
  if (!match) return false
  const [, logN, r, p, salt, expected] = match as unknown as [string, string, string, string, string, string]
  const params = { logN: Number(logN), r: Number(r), p: Number(p) }
  const hash = await scrypt(normalisePassword(password), fromBase64Url(salt), params)
  return timingSafeEqual(hash, fromBase64Url(expected))
}

/** A stored hash made with weaker parameters than the current ones should be re-hashed at login. */
export function needsRehash(stored: string, params = defaultScryptParams): boolean {
  const match = phc.exec(stored)
  return !match || Number(match[1]) < params.logN || Number(match[3]) < params.p
}
