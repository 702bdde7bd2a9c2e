/**
 * Prints choice questions built from a deck, for a human read of their wrong options
 * (issue 16: "a read of 30 generated questions"). Deterministic: same seed, same questions.
 *
 * usage: tsx bench/read-questions.ts [deck-dir=content/docker] [count=30] [seed=16]
 */
import { loadDeck } from '../src/content/load'
import { buildMcq, createRng, NotEnoughDistractorsError, UnsupportedCardError } from '../src/domain/exam'
import { choiceKinds } from '../src/domain/exam/distractors'

const [dir = 'content/docker', count = '30', seed = '16'] = process.argv.slice(2)
const deck = await loadDeck(dir)
const rng = createRng(seed)
const candidates = deck.cards.filter((card) => choiceKinds.has(card.kind) && card.kind !== 'typein')
let shown = 0
let refused = 0
const order = candidates.map((card) => ({ card, key: rng() })).sort((a, b) => a.key - b.key)
for (const { card } of order) {
  if (shown >= Number(count)) break
  try {
    const q = buildMcq(card, deck.cards, rng)
    shown++
    console.log(`${shown}. [${card.kind}] ${q.prompt}\n   (card: ${card.prompt})`)
    for (const o of q.options)
      console.log(`   ${o.id === q.answerOptionId ? '*' : ' '} ${o.text.replace(/\n/g, ' / ')}`)
  } catch (error) {
    if (error instanceof NotEnoughDistractorsError || error instanceof UnsupportedCardError) refused++
    else throw error
  }
}
console.log(`\n${shown} questions, ${refused} cards refused on the way, ${candidates.length} candidates`)
