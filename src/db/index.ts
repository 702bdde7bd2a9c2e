import type { LibSQLDatabase } from 'drizzle-orm/libsql'
import type { schema } from './schema'

/**
 * The database handle every query takes first. Built by the runtime entry (`node.ts`,
 * `worker.ts`); the app never creates one itself.
 *
 * Writes that must be atomic go through `db.batch([...])`: one implicit transaction on one
 * connection, and one round trip to Turso. Interactive transactions are avoided because the
 * embedded client opens a fresh connection for each one (losing per-connection pragmas).
 */
export type Db = LibSQLDatabase<typeof schema>
