import { connectDatabase } from '../../src/db/connect'
import { migrateDatabase } from '../../src/db/migrate'
import { syncContent } from '../../src/services/content-sync'

/**
 * `tsx test/helpers/tursodb-prepare.ts <file> [content-dir]`: migrates a database file with the
 * project's migrations and syncs the decks of `content-dir` into it, with @libsql/client, in a
 * process of its own: the embedded client keeps connections (the migrator's transaction) open
 * until the process ends, and tursodb refuses a file another process holds a lock on.
 */
const [file, contentDir] = process.argv.slice(2)
if (!file) throw new Error('usage: tursodb-prepare.ts <file> [content-dir]')
const { db, close } = await connectDatabase({ url: `file:${file}` })
await migrateDatabase(db)
if (contentDir) await syncContent(db, contentDir, Date.parse('2026-03-01T00:00:00Z'))
close()
