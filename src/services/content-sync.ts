import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import { loadContent } from '../content/load'
import type { Diagnostic } from '../content/types'
import type { Db } from '../db/index'
import { isOwnedDeck, type SyncResult, syncDeck } from '../db/queries/deck-sync'

export interface ContentSync {
  decks: number
  /** Live cards in the decks that were synced. */
  cards: number
  results: Array<{ deck: string; result?: SyncResult }>
  /** Every diagnostic; a deck with errors is not synced (its cards keep their last good state). */
  diagnostics: Diagnostic[]
}

/**
 * Compiles every deck folder under `contentDir` (the file reading is here, on the Node side:
 * the Worker never reads `content/`) and syncs the ones without errors, each through
 * `syncDeck`. Run by the Node server at start, `npm run content:sync` and `dev:worker`; with
 * nothing changed it costs one read per deck and no write.
 */
export async function syncContent(db: Db, contentDir: string, now: number): Promise<ContentSync> {
  const report: ContentSync = { decks: 0, cards: 0, results: [], diagnostics: [] }
  if (!existsSync(contentDir)) return report
  for (const deck of await loadContent(contentDir)) {
    report.diagnostics.push(
      ...deck.diagnostics.map((item) => ({ ...item, file: `${basename(deck.dir)}/${item.file}` })),
    )
    const taken = await isOwnedDeck(db, deck.slug)
    if (taken)
      report.diagnostics.push({
        severity: 'error',
        file: basename(deck.dir),
        line: 1,
        code: 'deck-slug-taken',
        message: `deck \`${deck.slug}\` is the slug of a user's or team's deck: rename the folder`,
      })
    if (taken || deck.diagnostics.some((item) => item.severity === 'error')) {
      report.results.push({ deck: deck.slug })
      continue
    }
    report.results.push({ deck: deck.slug, result: await syncDeck(db, deck, now) })
    report.decks += 1
    report.cards += deck.cards.length
  }
  return report
}
