import { compileDeck, type DeckCompilation } from '../../../src/content/compile-deck'
import type { CardKind, CompiledCard } from '../../../src/content/types'

/** Compiles inline Markdown as one file of a lenient deck `test`. */
export function compile(markdown: string, file = 'notes.md'): DeckCompilation {
  return compileDeck({ slug: 'test', files: [{ file, text: markdown }], strict: false })
}

/** The cards as [kind, prompt, answer] triples: what a golden test compares. */
export function shapes(markdown: string): Array<[CardKind, string, string]> {
  return compile(markdown).cards.map((card) => [card.kind, card.prompt, card.answer])
}

export function only(markdown: string, kind: CardKind): CompiledCard[] {
  return compile(markdown).cards.filter((card) => card.kind === kind)
}
