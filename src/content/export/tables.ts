import { zipSync } from 'fflate'
import Papa from 'papaparse'
import type { NoteText } from '../own-deck'
import type { ExportCard } from './anki-write'

/**
 * Cards as a table Quizlet (and our importer) reads: prompt, answer, tags (space-separated),
 * no header row. Comma-separated with quotes as RFC 4180 needs, or tab-separated.
 */
export function writeTable(cards: readonly ExportCard[], separator: ',' | '\t'): string {
  const rows = cards.map((card) => [card.prompt, card.answer, (JSON.parse(card.tags) as string[]).join(' ')])
  return Papa.unparse(rows, { delimiter: separator, newline: '\n', quotes: separator === ',' ? undefined : false })
}

/** A deck's notes as a zip of Markdown files, their folders kept, id markers in place. */
export function writeNotesZip(notes: readonly NoteText[]): Uint8Array {
  const encoder = new TextEncoder()
  return zipSync(Object.fromEntries(notes.map((note) => [note.path, encoder.encode(note.text)])))
}
