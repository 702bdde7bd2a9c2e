import { scryptAsync } from '@noble/hashes/scrypt.js'
import { randomBytes } from '@noble/hashes/utils.js'
import { fromBase64Url, timingSafeEqual, toBase64Url } from './encoding'

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

const keyLength = 32

/** Hashes a password into a self-describing PHC-style string: `$scrypt$ln=14,r=8,p=5$salt$hash`. */
export async function hashPassword(password: string, params = defaultScryptParams): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scryptAsync(password.normalize('NFKC'), salt, {
    N: 2 ** params.logN,
    r: params.r,
    p: params.p,
    dkLen: keyLength,
  })
  return `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${toBase64Url(salt)}$${toBase64Url(hash)}`
}

const phc = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([\w-]+)\$([\w-]+)$/

/** Checks a password against a stored hash, in constant time over the derived key. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = phc.exec(stored)
  if (!match) return false
  const [, logN, r, p, salt, expected] = match as unknown as [string, string, string, string, string, string]
  const hash = await scryptAsync(password.normalize('NFKC'), fromBase64Url(salt), {
    N: 2 ** Number(logN),
    r: Number(r),
    p: Number(p),
    dkLen: keyLength,
  })
  return timingSafeEqual(hash, fromBase64Url(expected))
}

/** A stored hash made with weaker parameters than the current ones should be re-hashed at login. */
export function needsRehash(stored: string, params = defaultScryptParams): boolean {
  const match = phc.exec(stored)
  return !match || Number(match[1]) < params.logN || Number(match[3]) < params.p
}
