import { describe, expect, it } from 'vitest'
import { AnswerMismatchError } from './errors'
import type { DomcQuestion, McqQuestion, TypeinQuestion } from './question'
import { type GivenAnswer, scoreExam } from './score'

const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `option ${id}`, html: '' }))
const base = { cardId: 'card', prompt: 'p', promptHtml: '' }
const mcq = (id: string, topic: string, answerOptionId = 'b'): McqQuestion => ({
  ...base,
  id,
  topic,
  kind: 'mcq',
  options,
  answerOptionId,
})
const domc: DomcQuestion = {
  ...base,
  id: 'd1',
  topic: 'network',
  kind: 'domc',
  options,
  answerOptionId: 'c',
  extraOption: false,
}
const typein: TypeinQuestion = {
  ...base,
  id: 't1',
  topic: 'images',
  kind: 'typein',
  answer: 'docker run -d nginx',
  answerHtml: '',
  caseSensitive: true,
}
const questions = [mcq('m1', 'images'), mcq('m2', 'images'), mcq('m3', 'security'), domc, typein]

describe('scoreExam', () => {
  it('scores each question and each topic', () => {
    const answers: Record<string, GivenAnswer> = {
      m1: { kind: 'mcq', optionId: 'b' },
      m2: { kind: 'mcq', optionId: 'a' },
      d1: {
        kind: 'domc',
        judgements: [
          { optionId: 'a', judgement: false },
          { optionId: 'b', judgement: false },
          { optionId: 'c', judgement: true },
        ],
      },
      t1: { kind: 'typein', text: '$ docker run -d nginx' },
    }
    const result = scoreExam(questions, answers)
    expect(result).toMatchObject({ correct: 3, total: 5, score: 0.6, passed: false })
    expect(result.topics).toEqual([
      { topic: 'images', correct: 2, total: 3 },
      { topic: 'network', correct: 1, total: 1 },
      { topic: 'security', correct: 0, total: 1 },
    ])
    expect(result.questions.map((q) => q.correct)).toEqual([true, false, false, true, true])
  })

  it('counts unanswered questions wrong and reports the right answer', () => {
    const result = scoreExam([mcq('m1', 'images')], {})
    expect(result.questions[0]).toEqual({
      id: 'm1',
      correct: false,
      answer: { optionId: 'b', text: 'option b' },
      given: null,
    })
  })

  it('counts a DOMC item wrong when time ran out before it was decided', () => {
    const result = scoreExam([domc], { d1: { kind: 'domc', judgements: [{ optionId: 'a', judgement: false }] } })
    expect(result.correct).toBe(0)
  })

  it('grades a typed command with the same Docker-CLI-aware comparer as the review page', () => {
    const result = scoreExam([typein], { t1: { kind: 'typein', text: 'docker container run --detach nginx' } })
    expect(result.questions[0]?.correct).toBe(true)
  })

  it('marks a wrong-case flag wrong and shows where', () => {
    const result = scoreExam([typein], { t1: { kind: 'typein', text: 'docker run -D nginx' } })
    expect(result.questions[0]?.correct).toBe(false)
    expect(result.questions[0]?.diff).toContainEqual({ op: 'add', text: ' -D' })
  })

  it('passes at the pass mark, which can be set', () => {
    const all = { m1: { kind: 'mcq', optionId: 'b' } } as const
    const two = [mcq('m1', 'x'), mcq('m2', 'x')]
    expect(scoreExam(two, all).passed).toBe(false)
    expect(scoreExam(two, all, { passMark: 0.5 }).passed).toBe(true)
  })

  it('scores an empty exam as 0 rather than NaN', () => {
    expect(scoreExam([], {})).toMatchObject({ score: 0, total: 0, passed: false })
  })

  it('rejects an answer of the wrong kind', () => {
    expect(() => scoreExam([typein], { t1: { kind: 'mcq', optionId: 'a' } })).toThrow(AnswerMismatchError)
  })
})
