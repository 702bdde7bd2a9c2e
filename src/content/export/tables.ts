import { zipSync } from 'fflate'
import { csvLine } from '../../format'
import type { NoteText } from '../own-deck'
import type { ExportCard } from './anki-write'

/**
 * Cards as a table Quizlet (and our importer) reads: prompt, answer, tags (space-separated),
 * no header row. Comma- or tab-separated through the one CSV writer (`csvLine`), so a card side
 * starting like a formula (`=SUM(A1)`, a `-v` flag) is written with the `'` guard; our importer
 * takes it off again.
 */
export function writeTable(cards: readonly ExportCard[], separator: ',' | '\t'): string {
  return cards
    .map((card) => csvLine([card.prompt, card.answer, (JSON.parse(card.tags) as string[]).join(' ')], separator))
    .join('')
}

/** A deck's notes as a zip of Markdown files, their folders kept, id markers in place. */
export function writeNotesZip(notes: readonly NoteText[]): Uint8Array {
  const encoder = new TextEncoder()
  return zipSync(Object.fromEntries(notes.map((note) => [note.path, encoder.encode(note.text)])))
}
