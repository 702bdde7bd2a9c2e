import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { givesAway, repeatsPrompt } from '../../src/content/giveaway'
import { loadDeck } from '../../src/content/load'
import type { CompiledDeck } from '../../src/content/types'

const dir = fileURLToPath(new URL('../../content/docker', import.meta.url))

/**
 * Issue 16: reverse cards that do not give their answer away, and no card that repeats its
 * prompt, on the shipped deck.
 *
 * How it measures: each reverse card's prompt is read as the review page shows it (the context
 * line, "which term?", the definition) and the answer is its term. Both are cut into words
 * (`OSType` → OS, Type; `--update-order` → update, order; `-it` → its long names interactive,
 * tty… through the comparer's flag table) and a word is given away when the prompt has it
 * singular or plural, begins it or is begun by it (`ENV`/environment, `docker`/dockerd), or
 * abbreviates or spells it out (`gelf`/Graylog Extended Log Format). See `givesAway`.
 * Before this rule 117 of 234 reverse cards (50%) gave a word away by this measure.
 */
describe('reverse cards on the shipped docker deck', () => {
  let deck: CompiledDeck
  beforeAll(async () => {
    deck = await loadDeck(dir)
  })

  it('give a word of their answer away on at most 2% of cards', () => {
    const reverse = deck.cards.filter((card) => card.kind === 'reverse')
    const giving = reverse.filter((card) => givesAway(card.prompt, card.answer))
    expect(reverse.length).toBeGreaterThan(100)
    expect(
      giving.length / reverse.length,
      giving.map((card) => `${card.prompt} → ${card.answer}`).join('\n'),
    ).toBeLessThanOrEqual(0.02)
  })

  it('include no term card whose answer only repeats its term', () => {
    const repeating = deck.cards.filter((card) => {
      if (card.kind !== 'basic') return false
      const parts = card.prompt.split(' › ')
      const term = parts.pop() ?? ''
      return repeatsPrompt(term, card.answer, parts.join(' '))
    })
    expect(repeating.map((card) => `${card.prompt} → ${card.answer}`)).toEqual([])
  })

  it('ask to name at most 7 items at once', () => {
    for (const card of deck.cards.filter((c) => c.kind === 'enumeration')) {
      expect(card.answer.split('\n').length, card.prompt).toBeLessThanOrEqual(7)
    }
  })
})
