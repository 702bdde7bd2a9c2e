import { describe, expect, it } from 'vitest'
import { type DomcJudgement, type DomcProgress, judgeDomc } from './domc'
import { DomcSequenceError } from './errors'
import type { DomcQuestion } from './question'

/** Options shown in the order a, b, c, d; c is correct. */
function item(extraOption: boolean): DomcQuestion {
  return {
    id: 'q1',
    cardId: 'card',
    topic: 'network',
    kind: 'domc',
    prompt: 'Which driver spans several hosts?',
    promptHtml: '',
    options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id, html: id })),
    answerOptionId: 'c',
    extraOption,
  }
}

/** `'a+'` is YES to option a, `'a-'` is NO. */
const says = (...steps: string[]): DomcJudgement[] =>
  steps.map((s) => ({ optionId: s.slice(0, 1), judgement: s.endsWith('+') }))

const open = (next: string): DomcProgress => ({ finished: false, scored: false, correct: false, nextOptionId: next })
const done = (correct: boolean): DomcProgress => ({ finished: true, scored: true, correct })
const extra = (correct: boolean, next: string): DomcProgress => ({
  finished: false,
  scored: true,
  correct,
  nextOptionId: next,
})

describe('judgeDomc', () => {
  it.each<[string, boolean, DomcJudgement[], DomcProgress]>([
    ['shows the first option before any judgement', false, says(), open('a')],
    ['shows the next option after NO to a distractor', false, says('a-'), open('b')],
    [
      'scores correct on YES to the answer after NO to every distractor before it',
      false,
      says('a-', 'b-', 'c+'),
      done(true),
    ],
    ['ends wrong on YES to a distractor', false, says('a+'), done(false)],
    ['ends wrong on YES to a later distractor', false, says('a-', 'b+'), done(false)],
    ['ends wrong on NO to the answer', false, says('a-', 'b-', 'c-'), done(false)],
    [
      'shows one more option after a correct YES when the item has an extra',
      true,
      says('a-', 'b-', 'c+'),
      extra(true, 'd'),
    ],
    [
      'shows one more option after a wrong NO when the item has an extra',
      true,
      says('a-', 'b-', 'c-'),
      extra(false, 'd'),
    ],
    [
      'shows the answer as the extra option after YES to the distractor before it',
      true,
      says('a-', 'b+'),
      extra(false, 'c'),
    ],
    ['ignores the judgement on the extra option', true, says('a-', 'b+', 'c+'), done(false)],
    ['keeps a correct score whatever is said to the extra option', true, says('a-', 'b-', 'c+', 'd+'), done(true)],
  ])('%s', (_name, hasExtra, judgements, expected) => {
    expect(judgeDomc(item(hasExtra), judgements)).toEqual(expected)
  })

  it('ends without an extra option when none is left to show', () => {
    const last: DomcQuestion = { ...item(true), answerOptionId: 'd' }
    expect(judgeDomc(last, says('a-', 'b-', 'c-', 'd+'))).toEqual(done(true))
  })

  it('looks the same to the candidate whether the ending NO was right or wrong', () => {
    const last: DomcQuestion = { ...item(true), answerOptionId: 'd' }
    const rightNo = judgeDomc(last, says('a-', 'b-', 'c-'))
    const wrongNo = judgeDomc(item(true), says('a-', 'b-', 'c-'))
    expect(rightNo.finished).toBe(wrongNo.finished)
    expect(rightNo.nextOptionId).toBe(wrongNo.nextOptionId)
  })

  it.each<[string, boolean, DomcJudgement[]]>([
    ['a judgement out of the shown order', false, says('b-')],
    ['a judgement after the item ended', false, says('a+', 'b-')],
    ['a second judgement after the extra option', true, says('a+', 'b-', 'c-')],
    ['more judgements than options', false, says('a-', 'b-', 'c+', 'd-', 'e-')],
  ])('rejects %s', (_name, hasExtra, judgements) => {
    expect(() => judgeDomc(item(hasExtra), judgements)).toThrow(DomcSequenceError)
  })
})
