import { describe, expect, it } from 'vitest'
import type { Blueprint } from './blueprint'
import { domainOf, parseBlueprint, scoreByDomain, splitByWeight } from './blueprint'
import { buildExam } from './build-exam'
import { card, terms } from './fixtures'

const blueprint: Blueprint = {
  name: 'T',
  title: 'Test exam',
  domains: [
    { slug: 'big', title: 'Big', weight: 3, topics: ['a', 'b'] },
    { slug: 'small', title: 'Small', weight: 1, topics: ['c'] },
  ],
}

/** 42 cards: topics a (14), b (14), c (14), each answer a distinct term. */
const deck = terms.map((answer, i) => card({ id: `c${i}`, topic: ['a', 'b', 'c'][i % 3] as string, answer }))

describe('exam blueprints', () => {
  it('splits the DCA weights over 55 questions as 14, 11, 8, 8, 8, 6', () => {
    expect(splitByWeight(55, [25, 20, 15, 15, 15, 10])).toEqual([14, 11, 8, 8, 8, 6])
  })

  it('gives every question a seat, ties to the earlier weight', () => {
    expect(splitByWeight(3, [1, 1])).toEqual([2, 1])
    expect(splitByWeight(7, [0, 0])).toEqual([0, 0])
  })

  it('draws each domain its share of the questions', () => {
    const exam = buildExam({ cards: deck, blueprint, count: 8, format: 'mcq', seed: 's' })
    const inDomain = (slug: string) => exam.questions.filter((q) => domainOf(blueprint, q.topic)?.slug === slug)
    expect(inDomain('big')).toHaveLength(6)
    expect(inDomain('small')).toHaveLength(2)
  })

  it('hands the share of a domain without cards to the others', () => {
    const exam = buildExam({
      cards: deck.filter((c) => c.topic !== 'c'),
      blueprint,
      count: 8,
      format: 'mcq',
      seed: 's',
    })
    expect(exam.questions).toHaveLength(8)
  })

  it('asks the cards to avoid only once the fresh ones of their domain are used', () => {
    const avoid = new Set(
      deck
        .filter((c) => c.topic === 'c')
        .slice(0, 12)
        .map((c) => c.id),
    )
    const exam = buildExam({ cards: deck, blueprint, count: 8, format: 'mcq', seed: 's', avoid })
    const small = exam.questions.filter((q) => q.topic === 'c')
    expect(small).toHaveLength(2)
    expect(small.some((q) => avoid.has(q.cardId))).toBe(false)
    const tight = buildExam({ cards: deck, blueprint, count: 12, format: 'mcq', seed: 's', avoid })
    expect(tight.questions.filter((q) => q.topic === 'c')).toHaveLength(3)
  })

  it('sums topic scores into domains in the blueprint order', () => {
    const topics = [
      { topic: 'c', correct: 1, total: 2 },
      { topic: 'a', correct: 2, total: 3 },
      { topic: 'b', correct: 1, total: 1 },
    ]
    expect(scoreByDomain(blueprint, topics)).toEqual([
      { domain: 'big', title: 'Big', weight: 3, correct: 3, total: 4 },
      { domain: 'small', title: 'Small', weight: 1, correct: 1, total: 2 },
    ])
  })

  it('reads a malformed stored blueprint as none', () => {
    expect(parseBlueprint('{"name":1}')).toBeUndefined()
    expect(parseBlueprint('not json')).toBeUndefined()
    expect(parseBlueprint(JSON.stringify(blueprint))).toEqual(blueprint)
  })
})
