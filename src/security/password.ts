import { scrypt as nodeScrypt } from 'node:crypto'
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
 * for a Worker's 128 MB isolate. `node:crypto` has it on Node and on Workers, where PBKDF2 is
 * capped at 100,000 iterations (below OWASP's 600,000 for PBKDF2-SHA256).
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#scrypt
 */
export const defaultScryptParams: ScryptParams = { logN: 14, r: 8, p: 5 }

/** Derived key length in bytes. */
export const keyLength = 32

/**
 * One scrypt derivation. Both runtimes use `node:crypto`'s (native code; on Workers through the
 * `nodejs_compat` flag); Node wraps it in a concurrency limit (`src/security/scrypt-node.ts`).
 * Hashes stored by the earlier @noble/hashes implementation are the same bytes, so they verify.
 */
export type Scrypt = (password: string, salt: Uint8Array, params: ScryptParams) => Promise<Uint8Array>

/**
 * `node:crypto`'s scrypt: in libuv's thread pool on Node; in workerd, BoringSSL's, native as well,
 * and without the 5 KB gzip @noble/hashes added to the Worker bundle.
 */
export const cryptoScrypt: Scrypt = (password, salt, params) =>
  new Promise((resolve, reject) => {
    const N = 2 ** params.logN
    // scrypt needs 128·N·r bytes (plus 128·r·p); node refuses above `maxmem`, 32 MiB by default.
    const maxmem = 256 * N * params.r + 128 * params.r * params.p + 1024 * 1024
    nodeScrypt(password, salt, keyLength, { N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength)),
    )
  })

/** Hashes a password into a self-describing PHC-style string: `$scrypt$ln=14,r=8,p=5$salt$hash`. */
export async function hashPassword(
  password: string,
  params = defaultScryptParams,
  scrypt: Scrypt = cryptoScrypt,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const hash = await scrypt(normalisePassword(password), salt, params)
  return `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${toBase64Url(salt)}$${toBase64Url(hash)}`
}

const phc = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([\w-]+)\$([\w-]+)$/

/** Checks a password against a stored hash, in constant time over the derived key. */
export async function verifyPassword(
  password: string,
  stored: string,
  scrypt: Scrypt = cryptoScrypt,
): Promise<boolean> {
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
