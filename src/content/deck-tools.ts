import { writeAnkiPackage } from './export/anki-write'
import { writeNotesZip, writeTable } from './export/tables'
import { readUpload } from './import'
import { srStates } from './import/sr-schedule'
import { compileOwnDeck, scopedCardId } from './own-deck'

/**
 * The compiler and the importers, handed to `createApp` by the Node entry only: they pull in
 * the Markdown parser and the archive readers, which the Worker's bundle budget cannot hold
 * (see docs/architecture.md). Without them the upload and import routes answer 501.
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
}

export type DeckTools = typeof deckTools
