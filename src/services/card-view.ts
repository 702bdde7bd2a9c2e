import type { CardRow } from '../db/queries/review'

/** A card as the API and pages show it: content and where it came from. */
export function presentCard(card: CardRow) {
  return {
    id: card.id,
    kind: card.kind,
    topic: card.topic,
    deck: card.deck,
    prompt: card.prompt,
    answer: card.answer,
    promptHtml: card.promptHtml,
    answerHtml: card.answerHtml,
    source: {
      file: card.sourceFile,
      line: card.sourceLine,
      anchor: card.sourceAnchor,
      headings: JSON.parse(card.sourceHeadings) as string[],
    },
  }
}
