import { fileURLToPath } from 'node:url'
import { migrate } from 'drizzle-orm/libsql/migrator'
import type { Db } from './index'

/** The committed drizzle-kit migrations folder, found relative to this file. */
export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url))

/** Applies pending migrations (Node only: reads the migrations folder from disk). */
export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder })
}
