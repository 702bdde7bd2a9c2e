import type { DeckTools } from '../content/deck-tools'
import { AppError } from '../errors'

/** The compiler and importers, or a 501 saying where they run (a pure check: the pages' Worker has it too). */
export function requireTools(tools: DeckTools | undefined): DeckTools {
  if (tools) return tools
  throw new AppError(
    501,
    'not_implemented',
    'notes are compiled and imported on the Node server only: upload them there (see docs/architecture.md)',
  )
}
