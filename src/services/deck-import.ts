import type { DeckTools } from '../content/deck-tools'
import type { UploadedFile } from '../content/import'
import { type CardHistory, cardsWithState, historyWrites } from '../db/queries/import-history'
import { AppError } from '../errors'
import { applyNotes, type DeckContext, requireDeck, requireTools } from './own-decks'

/**
 * Imports uploaded files into a deck, all or nothing: the notes, their cards and the imported
 * history (Anki's states and review log, Obsidian-SR's schedules) go in one `db.batch`, after
 * every file was read and the whole deck compiled without errors. History is written only for
 * cards the user has no state for yet, so a re-import never rewrites what they studied here.
 */
export async function importFiles(
  ctx: DeckContext,
  tools: DeckTools | undefined,
  slug: string,
  files: readonly UploadedFile[],
) {
  const { deck } = await requireDeck(ctx, slug, 'write')
  const deckTools = requireTools(tools)
  if (files.length === 0)
    throw new AppError(400, 'validation_failed', 'file: send one or more files, each in a field named `file`', {
      field: 'file',
    })
  const plan = await deckTools.readUpload(files, ctx.now)
  const studied = await cardsWithState(ctx.db, ctx.userId, deck.slug)
  const imported = new Set(plan.notes.map((note) => note.path))
  const counts = { states: 0, reviews: 0 }
  const applied = await applyNotes(ctx, deckTools, deck, { put: plan.notes }, (result) => {
    const made = new Set(result.cards.map((card) => card.id))
    const histories = new Map<string, CardHistory>()
    for (const card of plan.cards) {
      const cardId = deckTools.scopedCardId(deck.slug, card.key)
      if (made.has(cardId) && !studied.has(cardId))
        histories.set(cardId, { cardId, state: card.state, logs: card.logs })
    }
    const texts = new Map(result.notes.filter((note) => imported.has(note.path)).map((note) => [note.path, note.text]))
    const fromNotes = result.cards.filter((card) => imported.has(card.source.file))
    for (const [cardId, state] of deckTools.srStates(fromNotes, texts))
      if (!studied.has(cardId) && !histories.has(cardId)) histories.set(cardId, { cardId, state, logs: [] })
    const list = [...histories.values()]
    counts.states = list.filter((history) => history.state).length
    counts.reviews = list.reduce((sum, history) => sum + history.logs.length, 0)
    return historyWrites(ctx.db, ctx.userId, list, ctx.now)
  })
  const cards = applied.cards.filter((card) => imported.has(card.source.file))
  return {
    files: plan.files,
    notes: plan.notes.map((note) => note.path),
    cards: cards.length,
    kinds: Object.fromEntries(
      [...new Set(cards.map((card) => card.kind))].map((kind) => [kind, cards.filter((c) => c.kind === kind).length]),
    ),
    history: counts,
    sync: applied.sync,
    warnings: applied.warnings
      .filter((warning) => imported.has(warning.file))
      .slice(0, 100)
      .map((d) => ({ file: d.file, line: d.line, code: d.code, message: d.message })),
  }
}
