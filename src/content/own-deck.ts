import { sha256Hex } from '../security/sha256'
import { compileDeck } from './compile-deck'
import { insertMarkers } from './id-markers'
import type { CompiledDeck, Diagnostic } from './types'

export interface NoteText {
  path: string
  text: string
}

export interface OwnDeckInput {
  slug: string
  title: string
  description: string
  notes: readonly NoteText[]
}

export interface OwnDeckCompilation {
  deck: CompiledDeck
  /** The notes as they should be stored: every card's id marker written in, nothing else changed. */
  notes: NoteText[]
  diagnostics: Diagnostic[]
}

/**
 * The id a card of a user's or team's deck is stored under. Markers in uploaded notes are the
 * uploader's to choose (an exported note carries another deck's), so ids are scoped to the deck:
 * no upload can name, and so move or overwrite, a card of the shipped deck or of someone else.
 */
export function scopedCardId(deck: string, id: string): string {
  return sha256Hex(`${deck}\u001f${id}`).slice(0, 16)
}

/**
 * Compiles a user's or team's deck with the shipped deck's compiler (front matter optional).
 * Without errors, the id markers still missing are written into the notes, as `content:ids`
 * does for the shipped deck, so a later edit of a prompt keeps the card's id and history.
 */
export function compileOwnDeck(input: OwnDeckInput): OwnDeckCompilation {
  const compiled = compileDeck({
    slug: input.slug,
    title: input.title,
    description: input.description,
    files: input.notes.map((note) => ({ file: note.path, text: note.text })),
    strict: false,
  })
  const failed = compiled.diagnostics.some((item) => item.severity === 'error')
  const notes = input.notes.map((note) => {
    const slots = failed ? [] : compiled.markerSlots.filter((slot) => slot.file === note.path)
    return slots.length > 0 ? { path: note.path, text: insertMarkers(note.text, slots) } : { ...note }
  })
  const deck: CompiledDeck = {
    slug: compiled.slug,
    title: compiled.title,
    description: compiled.description ?? '',
    topics: compiled.topics,
    cards: compiled.cards.map((card) => ({ ...card, id: scopedCardId(input.slug, card.id) })),
    diagnostics: compiled.diagnostics,
  }
  return { deck, notes, diagnostics: compiled.diagnostics }
}
