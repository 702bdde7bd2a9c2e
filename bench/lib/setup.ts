import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Client, createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { createApp } from '../../src/app'
import type { Db } from '../../src/db/index'
import { migrateDatabase } from '../../src/db/migrate'
import { schema } from '../../src/db/schema'
import { rateLimitPolicies } from '../../src/security/rate-limiter'

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'dockdeck-bench-'))
}

/** A libSQL file client set up as the Node server sets up its own (WAL, busy timeout). */
export async function openFile(path: string): Promise<{ client: Client; db: Db }> {
  const client = createClient({ url: `file:${path}` })
  await client.execute('PRAGMA journal_mode = WAL')
  await client.execute('PRAGMA busy_timeout = 5000')
  return { client, db: drizzle(client, { schema }) }
}

export async function migratedFile(path: string) {
  const opened = await openFile(path)
  await migrateDatabase(opened.db)
  return opened
}

/** Checkpoints and closes, so the file alone holds the database and can be copied. */
export async function closeFile(client: Client): Promise<void> {
  await client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
  client.close()
}

export function copyDatabase(from: string, to: string): void {
  copyFileSync(from, to)
}

/** Cheap KDF: the benchmarks measure studying, not password hashing. */
export const benchPasswordParams = { logN: 4, r: 8, p: 1 }

/** Benchmarks answer far faster than a person could: no per-user rate limit in the way. */
export const benchRateLimits = rateLimitPolicies(1_000_000, 1_000_000)

/** Registers a user through the app and returns the session cookie header. */
export async function registerUser(db: Db, email = 'learner@example.com'): Promise<{ cookie: string; userId: string }> {
  const app = createApp({ database: () => db, passwordParams: benchPasswordParams })
  const res = await app.request('http://127.0.0.1/api/v1/auth/register', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'benchmark password 1' }),
  })
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`)
  const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
  const { id } = (await res.json()) as { id: string }
  return { cookie, userId: id }
}
