import { exportDeck } from '../services/deck-export'
import { importFiles } from '../services/deck-import'
import { deleteNote, putNote } from '../services/own-decks'
import { writeAnkiPackage } from './export/anki-write'
import { writeNotesZip, writeTable } from './export/tables'
import { readUpload } from './import'
import { srStates } from './import/sr-schedule'
import { compileOwnDeck, scopedCardId } from './own-deck'

/**
 * The compiler and the importers, handed to `createApp` by the Node entry only: they pull in
 * the Markdown parser and the archive readers, which the Worker's bundle budget cannot hold
 * (see docs/architecture.md). Without them the upload, import and export routes answer 501.
 */
export const deckTools = {
  compile: compileOwnDeck,
  readUpload,
  srStates,
  /** Here, not imported by the service: `own-deck` brings the compiler into the Worker's bundle. */
  scopedCardId,
  writeAnkiPackage,
  writeTable,
  writeNotesZip,
  /**
   * The API's note writes, imports and exports, reached through here rather than imported by
   * the routes: on the Worker they could only answer 501, and their code (deck sync, import
   * history, export queries: 3 KB gzip) stays out of its bundle.
   */
  putNote,
  deleteNote,
  importFiles,
  exportDeck,
}

export type DeckTools = typeof deckTools
