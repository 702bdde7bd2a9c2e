import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildExam } from './build-exam'
import { card, terms } from './fixtures'
import { publicQuestion } from './question'
import { buildTypein } from './typein'

/** Fixed seed: the same cases on every run; change it to explore others. */
const runs = { seed: 20250301, numRuns: 200 }

describe('publicQuestion', () => {
  it('keeps the options but drops the answer key and card id of choice questions', () => {
    const cards = terms.slice(0, 12).map((t, i) => card({ id: `c${i}`, answer: t }))
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('mcq' as const, 'domc' as const), (seed, format) => {
        for (const q of buildExam({ cards, count: 12, format, seed }).questions) {
          const shown = publicQuestion(q)
          expect(Object.keys(shown).sort()).toEqual(['id', 'kind', 'options', 'prompt', 'promptHtml', 'topic'])
          expect('options' in shown && shown.options).toEqual(q.kind !== 'typein' && q.options)
        }
      }),
      runs,
    )
  })

  it('drops the answer of a typein question', () => {
    const q = buildTypein(
      card({ id: 'k', kind: 'typein', answer: 'docker ps -a', answerHtml: '<code>docker ps -a</code>' }),
    )
    const shown = publicQuestion(q)
    expect(shown).toEqual({ id: q.id, kind: 'typein', topic: q.topic, prompt: q.prompt, promptHtml: q.promptHtml })
    expect(JSON.stringify(shown)).not.toContain('docker ps -a')
  })
})

describe('buildTypein', () => {
  it('compares case-sensitively by default, since its answers are commands', () => {
    expect(buildTypein(card({ id: 'k', kind: 'typein', answer: 'docker ps' })).caseSensitive).toBe(true)
    expect(
      buildTypein(card({ id: 'k', kind: 'typein', answer: 'x' }), undefined, { caseSensitive: false }).caseSensitive,
    ).toBe(false)
  })

  it('refuses cards of other kinds', () => {
    expect(() => buildTypein(card({ id: 'b', answer: 'x' }))).toThrow(
      expect.objectContaining({ code: 'exam/unsupported-card' }),
    )
  })
})
