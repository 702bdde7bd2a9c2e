import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { ConfigError } from '../config'
import { randomSecret } from './secrets'

/**
 * The Node server's signing key when `SIGNING_KEY` is not set: generated on the first start into
 * `data/signing-key` (owner-only, git-ignored, beside the default database) and read from there
 * on every later start, so `npm start` needs no setup and sessions survive a restart. Servers
 * that share a database set `SIGNING_KEY` instead, the same on each.
 */
export function localSigningKey(path = 'data/signing-key'): string {
  try {
    const key = readFileSync(path, 'utf8').trim()
    if (key.length < 32) throw new ConfigError(`${path} holds no signing key of 32 characters or more: delete it`)
    return key
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  mkdirSync(dirname(path), { recursive: true })
  const key = randomSecret(32)
  // Written aside and linked into place, so a server starting at the same moment never reads a
  // half-written key; if another one linked its key first, that key is used.
  const draft = `${path}.${process.pid}.${randomSecret(6)}`
  writeFileSync(draft, `${key}\n`, { mode: 0o600 })
  try {
    linkSync(draft, path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return localSigningKey(path)
    throw error
  } finally {
    unlinkSync(draft)
  }
  return key
}
