import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import type { Db } from './index'
import { schema } from './schema'

export interface ConnectOptions {
  url: string
  authToken?: string
  /** Turns a local file into an embedded replica of this Turso primary. */
  syncUrl?: string
}

/** Opens a libSQL database on Node: an embedded file, a Turso URL, or an embedded replica. */
export async function connectDatabase(options: ConnectOptions): Promise<{ db: Db; close: () => void }> {
  if (options.url.startsWith('file:') && !options.url.includes(':memory:')) {
    const path = options.url.slice('file:'.length)
    mkdirSync(dirname(path), { recursive: true })
  }
  const client = createClient({
    url: options.url,
    authToken: options.authToken,
    syncUrl: options.syncUrl,
  })
  if (options.url.startsWith('file:')) {
    // WAL lets readers run beside the writer; the busy timeout makes concurrent writers wait
    // instead of failing with SQLITE_BUSY.
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('PRAGMA busy_timeout = 5000')
    await client.execute('PRAGMA foreign_keys = ON')
  }
  if (options.syncUrl) await client.sync()
  return { db: drizzle(client, { schema }), close: () => client.close() }
}
