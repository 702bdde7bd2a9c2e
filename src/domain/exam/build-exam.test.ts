import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CompiledCard } from '../../content/types'
import { buildExam } from './build-exam'
import { EmptyExamError, ExamError } from './errors'
import { card, terms } from './fixtures'

/** Fixed seed: the same cases on every run; change it to explore others. */
const runs = { seed: 20250301, numRuns: 200 }

/** A deck with the given number of cards per topic, every answer a distinct term. */
function deckOf(sizes: Record<string, number>): CompiledCard[] {
  let n = 0
  return Object.entries(sizes).flatMap(([topic, size]) =>
    Array.from({ length: size }, () => {
      const i = n++
      return card({ id: `c${i}`, topic, answer: terms[i] ?? `missing ${i}` })
    }),
  )
}

function perTopic(questions: { topic: string }[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const q of questions) counts[q.topic] = (counts[q.topic] ?? 0) + 1
  return counts
}

describe('buildExam', () => {
  it('spreads questions over topics in proportion to their cards', () => {
    const exam = buildExam({ cards: deckOf({ a: 20, b: 10, c: 5 }), count: 14, format: 'mcq', seed: 's' })
    expect(perTopic(exam.questions)).toEqual({ a: 8, b: 4, c: 2 })
  })

  it('represents every topic when the count allows, however small the topic', () => {
    const exam = buildExam({ cards: deckOf({ big: 30, tiny: 1 }), count: 5, format: 'mcq', seed: 's' })
    expect(perTopic(exam.questions)).toEqual({ big: 4, tiny: 1 })
  })

  it('asks only the requested topics but takes wrong answers from the whole deck', () => {
    const exam = buildExam({ cards: deckOf({ a: 2, b: 10 }), topics: ['a'], count: 5, format: 'mcq', seed: 's' })
    expect(exam.questions).toHaveLength(2)
    expect(exam.questions.every((q) => q.topic === 'a')).toBe(true)
  })

  it('returns as many questions as the deck can supply', () => {
    const exam = buildExam({ cards: deckOf({ a: 5 }), count: 55, format: 'domc', seed: 's' })
    expect(exam.requested).toBe(55)
    expect(exam.questions).toHaveLength(5)
  })

  it('hands the seats of a topic that runs dry to the other topics', () => {
    const cards = [
      ...deckOf({ a: 10 }),
      ...['b1', 'b2', 'b3'].map((id) => card({ id, topic: 'b', kind: 'enumeration', answer: 'x, y' })),
      card({ id: 'b4', topic: 'b', answer: 'quorum' }),
    ]
    const exam = buildExam({ cards, count: 8, format: 'mcq', seed: 's' })
    expect(perTopic(exam.questions)).toEqual({ a: 7, b: 1 })
  })

  it('fails with a typed error when no question can be built', () => {
    const tooSmall = () => buildExam({ cards: deckOf({ a: 3 }), count: 5, format: 'mcq', seed: 's' })
    expect(tooSmall).toThrow(EmptyExamError)
    const unknown = () => buildExam({ cards: deckOf({ a: 9 }), topics: ['zzz'], count: 5, format: 'mcq', seed: 's' })
    expect(unknown).toThrow(expect.objectContaining({ code: 'exam/empty' }))
  })

  it('rejects a question count that is not a positive integer', () => {
    for (const count of [0, -1, 2.5, Number.NaN]) {
      expect(() => buildExam({ cards: deckOf({ a: 9 }), count, format: 'mcq', seed: 's' })).toThrow(ExamError)
    }
  })

  it('never asks both cards of a forward and reverse pair', () => {
    const definition = 'a read-only template for containers'
    const cards = [
      ...deckOf({ a: 6 }),
      card({ id: 'fwd', prompt: 'image', answer: definition }),
      card({ id: 'rev', kind: 'reverse', prompt: definition, answer: 'image' }),
    ]
    const exam = buildExam({ cards, count: 20, format: 'mcq', seed: 's' })
    const asked = exam.questions.map((q) => q.cardId)
    expect(asked.includes('fwd') && asked.includes('rev')).toBe(false)
  })

  it('mixes MCQ, DOMC and typein questions in a mixed exam', () => {
    const commands = ['docker ps', 'docker image ls', 'docker volume prune', 'docker node ls'].map((answer, i) =>
      card({ id: `k${i}`, answer, kind: 'typein' }),
    )
    const exam = buildExam({ cards: [...deckOf({ a: 30 }), ...commands], count: 34, format: 'mixed', seed: 's' })
    const kinds = perTopic(exam.questions.map((q) => ({ topic: q.kind })))
    expect(kinds.typein).toBe(4)
    expect(kinds.mcq).toBeGreaterThan(5)
    expect(kinds.domc).toBeGreaterThan(5)
  })

  it('asks each card at most once, with unique ids, the same for the same seed', () => {
    const deck = fc
      .array(fc.record({ topic: fc.constantFrom('a', 'b', 'c'), group: fc.constantFrom('x', 'y') }), {
        minLength: 1,
        maxLength: terms.length,
      })
      .map((rows) => rows.map((r, i) => card({ id: `c${i}`, answer: terms[i] ?? '', ...r })))
    const format = fc.constantFrom('mcq' as const, 'domc' as const, 'mixed' as const)
    fc.assert(
      fc.property(deck, fc.integer({ min: 1, max: 60 }), format, fc.string(), (cards, count, fmt, seed) => {
        const spec = { cards, count, format: fmt, seed }
        if (cards.length < 4) {
          expect(() => buildExam(spec)).toThrow(EmptyExamError)
          return
        }
        const exam = buildExam(spec)
        expect(exam.questions).toHaveLength(Math.min(count, cards.length))
        expect(new Set(exam.questions.map((q) => q.cardId)).size).toBe(exam.questions.length)
        expect(new Set(exam.questions.map((q) => q.id)).size).toBe(exam.questions.length)
        expect(buildExam(spec)).toEqual(exam)
        const topics = new Set(cards.map((c) => c.topic))
        if (count >= topics.size) expect(new Set(exam.questions.map((q) => q.topic))).toEqual(topics)
      }),
      runs,
    )
  })

  it('gives another exam for another seed', () => {
    const cards = deckOf({ a: 20, b: 20 })
    const one = buildExam({ cards, count: 10, format: 'mcq', seed: 'one' })
    const two = buildExam({ cards, count: 10, format: 'mcq', seed: 'two' })
    expect(one.questions.map((q) => q.cardId)).not.toEqual(two.questions.map((q) => q.cardId))
  })

  it('keeps a card’s question when unrelated cards join the deck', () => {
    const cards = deckOf({ a: 10 })
    const before = buildExam({ cards, count: 10, format: 'mcq', seed: 's' })
    const after = buildExam({
      cards: [...cards, card({ id: 'new', topic: 'z', group: 'z', answer: 'ingress' })],
      topics: ['a'],
      count: 10,
      format: 'mcq',
      seed: 's',
    })
    const byCard = (e: typeof before) => Object.fromEntries(e.questions.map((q) => [q.cardId, q]))
    expect(byCard(after)).toEqual(byCard(before))
  })
})
