import type { CompiledCard } from '../../content/types'
import { isYesNo } from './answer-form'
import { choiceKinds, pickDistractors } from './distractors'
import { NotEnoughDistractorsError, UnsupportedCardError } from './errors'
import type { DomcQuestion, ExamOption, McqQuestion } from './question'
import { type Rng, randomId, shuffle } from './rng'
import { questionStem } from './stem'

export interface ChoiceOptions {
  /** Wrong options per question. Default 3, as in a four-option item. */
  distractors?: number
}

const optionIds = 'abcdefghijklmnopqrstuvwxyz'

/**
 * A multiple-choice question for `card`, wrong options taken from the answers of other cards in
 * `pool` (see `pickDistractors`). Options are shuffled with `rng` and then labelled `a`, `b`, …
 * in shown order, so the label of the answer is uniformly random.
 *
 * Reverse cards (definition → term) work best: the options are terms. Typein cards make
 * "which command …" questions with other commands as options. Enumeration and sequence cards,
 * and cards answered "Yes. …" or "No. …", are refused with {@link UnsupportedCardError}.
 *
 * @throws {NotEnoughDistractorsError} when the deck has too few plausible wrong answers.
 */
export function buildMcq(
  card: CompiledCard,
  pool: readonly CompiledCard[],
  rng: Rng,
  options: ChoiceOptions = {},
): McqQuestion {
  return { ...choiceParts(card, pool, rng, options), kind: 'mcq' }
}

/**
 * The same item as {@link buildMcq}, delivered as DOMC: `options` is the order of presentation.
 * Also draws, with probability 1/2, whether one extra option follows once the item is scored.
 */
export function buildDomc(
  card: CompiledCard,
  pool: readonly CompiledCard[],
  rng: Rng,
  options: ChoiceOptions = {},
): DomcQuestion {
  const parts = choiceParts(card, pool, rng, options)
  return { ...parts, kind: 'domc', extraOption: rng() < 0.5 }
}

function choiceParts(
  card: CompiledCard,
  pool: readonly CompiledCard[],
  rng: Rng,
  options: ChoiceOptions,
): Omit<McqQuestion, 'kind'> {
  if (!choiceKinds.has(card.kind)) {
    throw new UnsupportedCardError(card.id, `${card.kind} cards have list answers`)
  }
  if (isYesNo(card.answer)) {
    throw new UnsupportedCardError(card.id, 'a yes/no answer needs yes/no options, which would all look alike')
  }
  const needed = options.distractors ?? 3
  const wrong = pickDistractors(card, pool, needed, rng)
  if (wrong.length < needed) throw new NotEnoughDistractorsError(card.id, needed, wrong.length)
  const id = randomId(rng, 'q')
  const shown = shuffle([card, ...wrong], rng)
  const choices: ExamOption[] = shown.map((c, i) => ({
    id: optionIds[i] ?? `o${i}`,
    text: c.answer,
    html: c.answerHtml,
  }))
  const answerOptionId = choices[shown.indexOf(card)]?.id ?? ''
  const { prompt, promptHtml } = questionStem(card)
  const { topic } = card
  return { id, cardId: card.id, topic, prompt, promptHtml, options: choices, answerOptionId }
}
