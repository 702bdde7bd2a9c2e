import { sql } from 'drizzle-orm'
import { connectDatabase } from '../../src/db/connect'
import { migrateDatabase } from '../../src/db/migrate'
import { syncContent } from '../../src/services/content-sync'

/**
 * `tsx test/helpers/tursodb-prepare.ts <file> [content-dir]`: migrates a database file with the
 * project's migrations and syncs the decks of `content-dir` into it, with @libsql/client, in a
 * process of its own: the embedded client keeps connections (the migrator's transaction) open
 * until the process ends, and tursodb refuses a file another process holds a lock on.
 *
 * Then it drops the card search index (migrations 0009 and 0011: the FTS5 table `cards_fts` and
 * the triggers on `cards` that fill it). tursodb 0.6.0 has no FTS5 ("Virtual table module not
 * found: fts5"), and a schema holding an FTS5 table makes it lose every unique index as well, so
 * `on conflict (email)` fails ("ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE
 * constraint") and sign-up with it. Turso and D1 have FTS5; card search is proven on D1
 * (test/worker/workerd.test.ts), not against tursodb.
 */
const [file, contentDir] = process.argv.slice(2)
if (!file) throw new Error('usage: tursodb-prepare.ts <file> [content-dir]')
const { db, close } = await connectDatabase({ url: `file:${file}` })
await migrateDatabase(db)
if (contentDir) await syncContent(db, contentDir, Date.parse('2026-03-01T00:00:00Z'))
for (const trigger of ['cards_fts_insert', 'cards_fts_update', 'cards_fts_delete'])
  await db.run(sql.raw(`drop trigger ${trigger}`))
await db.run(sql`drop table cards_fts`)
close()
