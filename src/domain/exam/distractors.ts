import type { CardKind, CompiledCard } from '../../content/types'
import { definesNamedTerm, formOf, isRelevant, isVariant, shapeDistanceOf } from './answer-form'
import { hash32, type Rng } from './rng'
import { nearEqual, similarShape } from './similarity'

/**
 * Kinds whose answer is a single phrase or sentence and can stand as an option.
 * Enumeration and sequence answers are lists: as options their shape gives them away, and a
 * fair "which belongs to …" question needs list items the compiled card does not expose.
 */
export const choiceKinds: ReadonlySet<CardKind> = new Set(['basic', 'reverse', 'cloze', 'typein'])

/**
 * Commands go with commands, prose with prose: a command among definitions stands out. A basic
 * card answered by a command (`docker plugin ls`) counts as a command too.
 */
function family(card: Pick<CompiledCard, 'kind' | 'answer'>): 'command' | 'prose' | 'list' {
  if (card.kind === 'typein' || /^docker [a-z-]/.test(card.answer)) return 'command'
  return card.kind === 'enumeration' || card.kind === 'sequence' ? 'list' : 'prose'
}

/** How close a candidate sits to the card: 0 same group, 1 same topic, 2 same deck. */
function tier(card: CompiledCard, other: CompiledCard): number | undefined {
  if (other.deck !== card.deck) return undefined
  if (other.group === card.group) return 0
  return other.topic === card.topic ? 1 : 2
}

/**
 * Picks up to `count` wrong answers for `card` from `pool`, best first. Order of preference:
 * similar shape (length within ×3) before dissimilar, then the card's topic before the rest of
 * the deck, then the answer's form (see `answerForm`), then (unless the answer is a term) answers
 * that share a word with the prompt (`isRelevant`), then same group, then same kind, then closest length; ties broken at random by `rng`. A candidate is dropped when it is near-equal
 * to the correct answer, to the prompt (the forward card of a reverse pair) or to a distractor
 * already taken; when it is a variant of the correct term (`containerd-shim-runc-v2` for
 * `containerd-shim`); when it answers a yes/no question; or when it defines a term that the
 * question or its answer names (it would be a second right answer).
 */
export function pickDistractors(
  card: CompiledCard,
  pool: readonly CompiledCard[],
  count: number,
  rng: Rng,
): CompiledCard[] {
  // Ties are broken by a seeded hash of each card id rather than by shuffling the pool, so the
  // choice for one card does not change when unrelated cards are added to the deck.
  const salt = rng().toString(36)
  const form = formOf(card)
  const ranked = pool
    .flatMap((other) => {
      const t = tier(card, other)
      if (t === undefined || other.id === card.id) return []
      if (!choiceKinds.has(other.kind) || family(other) !== family(card)) return []
      if (formOf(other) === 'yes-no' || definesNamedTerm(card, other)) return []
      const distance = shapeDistanceOf(card, other)
      const similar = distance <= similarShape ? 0 : 1
      const otherForm = formOf(other) === form ? 0 : 1
      // Terms rarely share words with their peers; for them a shared word is more often a giveaway.
      const relevant = form === 'term' || isRelevant(card, other) ? 0 : 1
      const key = [similar, t === 2 ? 1 : 0, otherForm, relevant, t, other.kind === card.kind ? 0 : 1, distance]
      key.push(hash32(`${salt}:${other.id}`))
      return [{ other, key }]
    })
    .sort((x, y) => compareKeys(x.key, y.key))
  const picked: CompiledCard[] = []
  for (const { other } of ranked) {
    if (picked.length >= count) break
    if (nearEqual(other.answer, card.answer) || nearEqual(other.answer, card.prompt)) continue
    if (isVariant(other.answer, card.answer)) continue
    if (picked.some((p) => nearEqual(p.answer, other.answer))) continue
    picked.push(other)
  }
  return picked
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}
