import { type Client, createClient, type InStatement } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { createApp } from '../../src/app'
import type { Db } from '../../src/db/index'
import { schema } from '../../src/db/schema'
import { Browser, type TestClock, testPasswordParams } from './app'

const sqlOf = (stmt: InStatement) => (typeof stmt === 'string' ? stmt : stmt.sql)

/**
 * Runs before a round trip with the SQL it will send (one string per statement); the round trip
 * waits for the returned promise. This is how a test stops one request between its read and its
 * write until another request has done something, which is the only way to see a race on
 * purpose: requests sent together through one client usually run one after another.
 */
export type Gate = (statements: string[]) => Promise<void> | undefined

/** Its own @libsql/client connection to an existing database file, each round trip passing `gate`. */
export async function gatedClient(url: string, gate: Gate): Promise<{ client: Client; db: Db }> {
  const raw = createClient({ url })
  await raw.execute('PRAGMA journal_mode = WAL')
  await raw.execute('PRAGMA busy_timeout = 5000')
  await raw.execute('PRAGMA foreign_keys = ON')
  const client = new Proxy(raw, {
    get(target, prop, receiver) {
      if (prop === 'execute')
        return async (stmt: InStatement) => {
          await gate([sqlOf(stmt)])
          return target.execute(stmt)
        }
      if (prop === 'batch')
        return async (stmts: InStatement[], mode?: 'write' | 'read' | 'deferred') => {
          await gate(stmts.map(sqlOf))
          return target.batch(stmts, mode)
        }
      const value = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { client, db: drizzle(client, { schema }) }
}

/** A second app (as a second server process would be) on the same database file, through `gate`. */
export async function gatedApp(url: string, clock: TestClock, gate: Gate) {
  const { client, db } = await gatedClient(url, gate)
  const app = createApp({
    database: () => db,
    clock: () => clock.now,
    clientIp: () => '203.0.113.7',
    passwordParams: testPasswordParams,
  })
  return { app, client, db }
}

/** The same signed-in browser (its cookies copied) talking to another app on the same database. */
export function sameBrowserOn(app: Browser['app'], signedIn: Browser): Browser {
  const browser = new Browser(app)
  for (const [name, value] of signedIn.cookies) browser.cookies.set(name, value)
  return browser
}

/** Resolves once `parties` callers have arrived: each caller waits for all the others. */
export function barrier(parties: number): () => Promise<void> {
  let arrived = 0
  let open: () => void = () => {}
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return () => {
    arrived += 1
    if (arrived === parties) open()
    return opened
  }
}

/**
 * A gate that holds the first round trip matching `pattern` until `until` resolves, once.
 * `reached` resolves when that round trip arrives at the gate.
 */
export function holdFirst(pattern: RegExp, until: () => Promise<void>): Gate & { reached: Promise<void> } {
  let held = false
  let arrive: () => void = () => {}
  const reached = new Promise<void>((resolve) => {
    arrive = resolve
  })
  const gate: Gate = (statements) => {
    if (held || !statements.some((sql) => pattern.test(sql))) return undefined
    held = true
    arrive()
    return until()
  }
  return Object.assign(gate, { reached })
}
