import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { connectDatabase } from '../../src/db/connect'
import type { Db } from '../../src/db/index'
import { migrateDatabase } from '../../src/db/migrate'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A fresh libSQL file database in a temp folder, migrated with the project's own migrations. */
export async function createTestDb(): Promise<{ db: Db; url: string; close: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'dockdeck-test-'))
  dirs.push(dir)
  const url = `file:${join(dir, 'test.db')}`
  const { db, close } = await connectDatabase({ url })
  await migrateDatabase(db)
  return { db, url, close }
}
