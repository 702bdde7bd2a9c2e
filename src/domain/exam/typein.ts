import type { CompiledCard } from '../../content/types'
import { UnsupportedCardError } from './errors'
import type { TypeinQuestion } from './question'
import { type Rng, randomId } from './rng'

export interface TypeinOptions {
  /**
   * Compare letter case exactly. Default on: typein cards hold CLI commands, where
   * `docker run -d` and `docker run -D` mean different things. Turn off for prose answers.
   */
  caseSensitive?: boolean
}

/**
 * A question where the learner types the answer of a typein card.
 * The id is drawn from `rng` when given (inside an exam), else derived from the card.
 */
export function buildTypein(card: CompiledCard, rng?: Rng, options: TypeinOptions = {}): TypeinQuestion {
  if (card.kind !== 'typein') {
    throw new UnsupportedCardError(card.id, 'only typein cards are asked as typein questions')
  }
  return {
    id: rng ? randomId(rng, 'q') : `q-${card.id}`,
    cardId: card.id,
    topic: card.topic,
    kind: 'typein',
    prompt: card.prompt,
    promptHtml: card.promptHtml,
    answer: card.answer,
    answerHtml: card.answerHtml,
    caseSensitive: options.caseSensitive ?? true,
  }
}
