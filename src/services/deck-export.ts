import type { DeckTools } from '../content/deck-tools'
import { deckForExport } from '../db/queries/deck-export'
import { loadNotes } from '../db/queries/deck-notes'
import { AppError } from '../errors'
import { type DeckContext, requireDeck, requireTools } from './own-decks'

export type ExportFormat = 'apkg' | 'csv' | 'tsv' | 'md'

/**
 * A deck the caller may see, as a file: `.apkg` with their schedule and review history, a
 * CSV/TSV table, or (for a user's or team's deck) its Markdown notes zipped. Written on Node only.
 */
export async function exportDeck(ctx: DeckContext, tools: DeckTools | undefined, slug: string, format: ExportFormat) {
  const { deck } = await requireDeck(ctx, slug)
  const deckTools = requireTools(tools)
  if (format === 'md') {
    const notes = await loadNotes(ctx.db, deck.slug)
    if (notes.length === 0)
      throw new AppError(
        422,
        'invalid_notes',
        `format: ${slug} has no notes stored here (a shipped deck's notes are in the repository's content/)`,
        { field: 'format' },
      )
    return { body: deckTools.writeNotesZip(notes), type: 'application/zip', name: `${slug}-notes.zip` }
  }
  const data = await deckForExport(ctx.db, ctx.userId, deck.slug)
  if (format === 'apkg') {
    const body = await deckTools.writeAnkiPackage({ title: deck.title, ...data }, ctx.now)
    return { body, type: 'application/octet-stream', name: `${slug}.apkg` }
  }
  const text = deckTools.writeTable(data.cards, format === 'csv' ? ',' : '\t')
  return {
    body: new TextEncoder().encode(text),
    type: format === 'csv' ? 'text/csv; charset=utf-8' : 'text/tab-separated-values; charset=utf-8',
    name: `${slug}.${format}`,
  }
}
