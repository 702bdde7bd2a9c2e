import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../../src/content/load'

const dir = fileURLToPath(new URL('../../content/docker', import.meta.url))
const topics = [
  'architecture',
  'namespaces-cgroups',
  'oci',
  'objects',
  'cli',
  'orchestration',
  'networking',
  'security',
  'storage',
  'images-registries',
  'install-config',
]

/** The DCA topics added for issue 17: each must cover its domain with at least 100 cards. */
const dcaTopics = ['storage', 'images-registries', 'install-config']

describe('the shipped docker deck', () => {
  it('passes the checker with no errors', async () => {
    const deck = await loadDeck(dir)
    const errors = deck.diagnostics.filter((item) => item.severity === 'error')
    expect(errors.map((item) => `${item.file}:${item.line} ${item.message}`)).toEqual([])
  })

  it('has at least 150 cards over all its topics', async () => {
    const deck = await loadDeck(dir)
    expect(deck.cards.length).toBeGreaterThanOrEqual(150)
    expect(deck.topics.map((topic) => topic.slug).sort()).toEqual([...topics].sort())
    for (const topic of topics)
      expect(deck.cards.filter((card) => card.topic === topic).length, topic).toBeGreaterThan(0)
  })

  it('gives each DCA topic added for the blueprint at least 100 cards', async () => {
    const deck = await loadDeck(dir)
    for (const topic of dcaTopics)
      expect(deck.cards.filter((card) => card.topic === topic).length, topic).toBeGreaterThanOrEqual(100)
  })

  it('renders every card with a prompt and an answer, and no marker or script in its HTML', async () => {
    const deck = await loadDeck(dir)
    for (const card of deck.cards) {
      expect(card.prompt, card.id).not.toBe('')
      expect(card.answer, card.id).not.toBe('')
      expect(`${card.promptHtml}${card.answerHtml}`, card.id).not.toMatch(/<!--|<script|javascript:/i)
    }
  })
})
