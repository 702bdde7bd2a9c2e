import { scryptAsync } from '@noble/hashes/scrypt.js'
import { describe, expect, it } from 'vitest'
import { defaultScryptParams, hashPassword, keyLength, type Scrypt, verifyPassword } from '../../src/security/password'
import { createNodeScrypt, limitConcurrency } from '../../src/security/scrypt-node'

/**
 * Finding 4 (medium): scrypt ran on the event loop. On Node it now runs in the thread pool
 * through `node:crypto`, with the same parameters, so every stored @noble/hashes hash verifies.
 */
/** The pure-JS implementation both runtimes used before `node:crypto`: its stored hashes must keep verifying. */
const nobleScrypt: Scrypt = (password, salt, params) =>
  scryptAsync(password, salt, { N: 2 ** params.logN, r: params.r, p: params.p, dkLen: keyLength })

describe('finding 4: password hashing off the event loop', () => {
  const nodeScrypt = createNodeScrypt(2)

  it('verifies a hash stored by @noble/hashes with node:crypto, at the production parameters', async () => {
    const stored = await hashPassword('correct horse battery staple', defaultScryptParams, nobleScrypt)
    expect(stored).toMatch(/^\$scrypt\$ln=14,r=8,p=5\$/)
    expect(await verifyPassword('correct horse battery staple', stored, nodeScrypt)).toBe(true)
    expect(await verifyPassword('correct horse battery stapler', stored, nodeScrypt)).toBe(false)
  })

  it('derives the same bytes as @noble/hashes for a non-ASCII password', async () => {
    const salt = new Uint8Array(16).fill(7)
    const params = { logN: 10, r: 8, p: 2 }
    expect(await nodeScrypt('pässwörd ünïcode 密码', salt, params)).toEqual(
      await nobleScrypt('pässwörd ünïcode 密码', salt, params),
    )
  })

  it('runs at most `limit` hashes at once, the rest in line', async () => {
    let running = 0
    let most = 0
    const slow = limitConcurrency(async (n: number) => {
      running++
      most = Math.max(most, running)
      await new Promise((resolve) => setTimeout(resolve, 5))
      running--
      return n
    }, 2)
    expect(await Promise.all([1, 2, 3, 4, 5, 6, 7].map(slow))).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(most).toBe(2)
  })
})
