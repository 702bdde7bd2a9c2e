import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import { and, eq, isNotNull, or } from 'drizzle-orm'
import { loadContent } from '../../content/load'
import type { Diagnostic } from '../../content/types'
import type { Db } from '../index'
import { decks } from '../schema'
import { type SyncResult, syncDeck } from './deck-sync'

// Kept apart from the content folder's file I/O so the Worker (which never reads `content/`) can
// import the sync without the compiler.
export { cardRow, deckSyncWrites, type SyncOptions, type SyncResult, syncDeck } from './deck-sync'

export interface ContentSync {
  decks: number
  /** Live cards in the decks that were synced. */
  cards: number
  results: Array<{ deck: string; result?: SyncResult }>
  /** Every diagnostic; a deck with errors is not synced (its cards keep their last good state). */
  diagnostics: Diagnostic[]
}

/**
 * Compiles every deck under `contentDir` and syncs the ones without errors. Run by the Node
 * server at start and by `npm run content:sync`; with nothing changed it costs one read per
 * deck and no write.
 */
export async function syncContent(db: Db, contentDir: string, now: number): Promise<ContentSync> {
  const report: ContentSync = { decks: 0, cards: 0, results: [], diagnostics: [] }
  if (!existsSync(contentDir)) return report
  for (const deck of await loadContent(contentDir)) {
    report.diagnostics.push(
      ...deck.diagnostics.map((item) => ({ ...item, file: `${basename(deck.dir)}/${item.file}` })),
    )
    const [taken] = await db
      .select({ slug: decks.slug })
      .from(decks)
      .where(and(eq(decks.slug, deck.slug), or(isNotNull(decks.ownerId), isNotNull(decks.teamId))))
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
