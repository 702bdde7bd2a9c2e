import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CompiledCard } from '../../content/types'
import { buildDomc, buildMcq } from './build-choice'
import { NotEnoughDistractorsError, UnsupportedCardError } from './errors'
import { card, terms } from './fixtures'
import type { ChoiceQuestion } from './question'
import { createRng } from './rng'
import { nearEqual } from './similarity'

/** Fixed seed: the same cases on every run; change it to explore others. */
const runs = { seed: 20250301, numRuns: 200 }

/** Answers that collide on purpose: case, punctuation, containment, near spellings. */
const noisyAnswers = [
  ...terms.slice(0, 10),
  'Swarm.',
  'docker swarm',
  'swarm mode',
  'overlay2',
  'over-lay',
  'Bridge',
  'the default bridge network',
]

const noisyDeck = fc
  .array(
    fc.record({
      answer: fc.constantFrom(...noisyAnswers),
      topic: fc.constantFrom('images', 'network', 'security'),
      group: fc.constantFrom('a', 'b'),
      kind: fc.constantFrom('basic' as const, 'reverse' as const, 'typein' as const),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) => rows.map((r, i) => card({ id: `c${i}`, ...r, group: `${r.topic}#${r.group}` })))

/** Every answer a distinct, well-separated term. */
const cleanDeck = fc
  .record({
    rows: fc.array(fc.record({ topic: fc.constantFrom('images', 'network'), group: fc.constantFrom('a', 'b', 'c') }), {
      minLength: 1,
      maxLength: terms.length,
    }),
    order: fc.shuffledSubarray([...terms], { minLength: terms.length }),
  })
  .map(({ rows, order }) =>
    rows.map((r, i) => card({ id: `c${i}`, answer: order[i] ?? '', topic: r.topic, group: `${r.topic}#${r.group}` })),
  )

function tryBuild(target: CompiledCard, pool: CompiledCard[], seed: string): ChoiceQuestion | undefined {
  try {
    return buildMcq(target, pool, createRng(seed))
  } catch (error) {
    expect(error).toBeInstanceOf(NotEnoughDistractorsError)
    return undefined
  }
}

const textOf = (q: ChoiceQuestion, id: string) => q.options.find((o) => o.id === id)?.text

describe('buildMcq', () => {
  it('shows the answer exactly once among options that are all told apart', () => {
    fc.assert(
      fc.property(noisyDeck, fc.nat(), fc.string(), (deck, pick, seed) => {
        const target = deck[pick % deck.length] as CompiledCard
        const q = tryBuild(target, deck, seed)
        if (!q) return
        expect(q.options).toHaveLength(4)
        expect(textOf(q, q.answerOptionId)).toBe(target.answer)
        expect(q.options.filter((o) => nearEqual(o.text, target.answer))).toHaveLength(1)
        for (const [i, a] of q.options.entries()) {
          for (const b of q.options.slice(i + 1)) expect(nearEqual(a.text, b.text)).toBe(false)
        }
        expect(new Set(q.options.map((o) => o.id)).size).toBe(4)
      }),
      runs,
    )
  })

  it('takes wrong answers from the same group first, then the same topic', () => {
    fc.assert(
      fc.property(cleanDeck, fc.nat(), fc.string(), (deck, pick, seed) => {
        const target = deck[pick % deck.length] as CompiledCard
        const q = tryBuild(target, deck, seed)
        const others = deck.filter((c) => c.id !== target.id)
        const group = others.filter((c) => c.group === target.group).map((c) => c.answer)
        const topic = others.filter((c) => c.topic === target.topic).map((c) => c.answer)
        if (!q) {
          expect(others.length).toBeLessThan(3)
          return
        }
        const wrong = q.options.filter((o) => o.id !== q.answerOptionId).map((o) => o.text)
        if (group.length >= 3) expect(group).toEqual(expect.arrayContaining(wrong))
        else expect(wrong).toEqual(expect.arrayContaining(group))
        if (topic.length >= 3) expect(topic).toEqual(expect.arrayContaining(wrong))
      }),
      runs,
    )
  })

  it('builds the same question for the same seed', () => {
    fc.assert(
      fc.property(cleanDeck, fc.string(), (deck, seed) => {
        const target = deck[0] as CompiledCard
        expect(tryBuild(target, deck, seed)).toEqual(tryBuild(target, deck, seed))
      }),
      runs,
    )
  })

  it('puts the answer under every label about equally often', () => {
    const deck = terms.slice(0, 8).map((t, i) => card({ id: `c${i}`, answer: t }))
    const counts = new Map<string, number>()
    for (let s = 0; s < 400; s++) {
      const q = buildMcq(deck[0] as CompiledCard, deck, createRng(`seed-${s}`))
      counts.set(q.answerOptionId, (counts.get(q.answerOptionId) ?? 0) + 1)
    }
    expect([...counts.keys()].sort()).toEqual(['a', 'b', 'c', 'd'])
    for (const n of counts.values()) expect(n).toBeGreaterThan(60)
  })

  it('fails with a typed error when the deck has too few siblings', () => {
    const deck = [card({ id: 'c0', answer: 'swarm' }), card({ id: 'c1', answer: 'overlay' })]
    const build = () => buildMcq(deck[0] as CompiledCard, deck, createRng('x'))
    expect(build).toThrow(NotEnoughDistractorsError)
    expect(build).toThrow(expect.objectContaining({ code: 'exam/not-enough-distractors', needed: 3, found: 1 }))
  })

  it('makes a smaller item when fewer distractors are asked for', () => {
    const deck = [card({ id: 'c0', answer: 'swarm' }), card({ id: 'c1', answer: 'overlay' })]
    const q = buildMcq(deck[0] as CompiledCard, deck, createRng('x'), { distractors: 1 })
    expect(q.options.map((o) => o.text).sort()).toEqual(['overlay', 'swarm'])
  })

  it('falls back to the whole deck but never to another deck', () => {
    const deck = [
      card({ id: 'c0', answer: 'swarm', topic: 'orchestration', group: 'o' }),
      card({ id: 'c1', answer: 'overlay', topic: 'network', group: 'n' }),
      card({ id: 'c2', answer: 'volume', topic: 'storage', group: 's' }),
      card({ id: 'c3', answer: 'secret', topic: 'security', group: 'x' }),
      card({ id: 'c4', answer: 'registry', deck: 'other', group: 'o' }),
    ]
    const q = buildMcq(deck[0] as CompiledCard, deck, createRng('x'))
    expect(q.options.map((o) => o.text).sort()).toEqual(['overlay', 'secret', 'swarm', 'volume'])
  })

  it('prefers wrong answers of similar length over closer siblings of a different shape', () => {
    const long = (n: number) => `a long definition number ${n} that goes on about many details of the engine`
    const deck = [
      card({ id: 't', answer: 'swarm', group: 'g' }),
      card({ id: 'd1', answer: long(1), group: 'g' }),
      card({ id: 'd2', answer: long(2), group: 'g' }),
      ...['overlay', 'volume', 'secret'].map((answer, i) => card({ id: `w${i}`, answer, group: 'h' })),
    ]
    const q = buildMcq(deck[0] as CompiledCard, deck, createRng('x'))
    expect(q.options.map((o) => o.text).sort()).toEqual(['overlay', 'secret', 'swarm', 'volume'])
  })

  it('keeps commands with commands and prose with prose', () => {
    const prose = ['swarm', 'overlay', 'volume', 'secret'].map((answer, i) => card({ id: `p${i}`, answer }))
    const commands = ['docker ps', 'docker image ls', 'docker volume prune', 'docker node ls'].map((answer, i) =>
      card({ id: `k${i}`, answer, kind: 'typein' }),
    )
    const q = buildMcq(commands[0] as CompiledCard, [...prose, ...commands], createRng('x'))
    expect(q.options.every((o) => o.text.startsWith('docker '))).toBe(true)
  })

  it('never offers the prompt of a reverse card as a wrong answer', () => {
    const definition = 'a read-only template for containers'
    const deck = [
      card({ id: 'rev', kind: 'reverse', prompt: definition, answer: 'image' }),
      card({ id: 'fwd', kind: 'basic', prompt: 'image', answer: definition }),
      ...['swarm', 'overlay', 'volume'].map((answer, i) => card({ id: `w${i}`, answer })),
    ]
    const q = buildMcq(deck[0] as CompiledCard, deck, createRng('x'))
    expect(q.options.map((o) => o.text)).not.toContain(definition)
  })

  it('refuses enumeration and sequence cards', () => {
    const deck = terms.slice(0, 5).map((t, i) => card({ id: `c${i}`, answer: t }))
    const list = card({ id: 'e', answer: 'bridge, host, none', kind: 'enumeration' })
    expect(() => buildMcq(list, deck, createRng('x'))).toThrow(UnsupportedCardError)
  })
})

describe('buildDomc', () => {
  it('offers the same kind of option set, in presentation order', () => {
    const deck = terms.slice(0, 6).map((t, i) => card({ id: `c${i}`, answer: t }))
    const q = buildDomc(deck[0] as CompiledCard, deck, createRng('x'))
    expect(q.kind).toBe('domc')
    expect(q.options).toHaveLength(4)
    expect(textOf(q, q.answerOptionId)).toBe(terms[0])
  })

  it('shows an extra option after scoring in about half of the items', () => {
    const deck = terms.slice(0, 6).map((t, i) => card({ id: `c${i}`, answer: t }))
    let extra = 0
    for (let s = 0; s < 400; s++) if (buildDomc(deck[0] as CompiledCard, deck, createRng(`s${s}`)).extraOption) extra++
    expect(extra).toBeGreaterThan(150)
    expect(extra).toBeLessThan(250)
  })
})
