import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Root } from 'mdast'
import type { ParseCache } from '../content/parse'

/**
 * Parse trees on disk under `node_modules/.cache/dockdeck/parse`, one JSON file per note text.
 * The key also covers the lock file, so upgrading the Markdown parser starts afresh. A file
 * that cannot be read or written is just a miss.
 */
export function diskParseCache(project: string): ParseCache {
  const dir = join(project, 'node_modules', '.cache', 'dockdeck', 'parse')
  let salt = ''
  try {
    salt = createHash('sha256')
      .update(readFileSync(join(project, 'package-lock.json')))
      .digest('hex')
  } catch {}
  const path = (text: string) => join(dir, `${createHash('sha256').update(salt).update(text).digest('hex')}.json`)
  return {
    get(text) {
      try {
        return JSON.parse(readFileSync(path(text), 'utf8')) as Root
      } catch {
        return undefined
      }
    },
    set(text, root) {
      try {
        mkdirSync(dir, { recursive: true })
        writeFileSync(path(text), JSON.stringify(root))
      } catch {}
    },
  }
}
