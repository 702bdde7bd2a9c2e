import { compareAnswer } from '../answer/compare'
import type { DiffPart } from '../answer/diff'
import { type DomcJudgement, judgeDomc } from './domc'
import { AnswerMismatchError } from './errors'
import type { Question } from './question'

/** What the candidate gave, by question kind. */
export type GivenAnswer =
  | { kind: 'mcq'; optionId: string }
  | { kind: 'domc'; judgements: DomcJudgement[] }
  | { kind: 'typein'; text: string }

/**
 * The pass mark of a mock exam when none is chosen: the one default, for the API, the exam form
 * and exams stored without one. Docker does not publish a fixed DCA cut score; prep sites quote
 * 0.65 to 0.7, so it is only a default.
 */
export const defaultPassMark = 0.65

export interface ScoreOptions {
  /** Share of correct answers needed to pass; default {@link defaultPassMark}. */
  passMark?: number
}

export interface TopicScore {
  topic: string
  correct: number
  total: number
}

export interface QuestionScore {
  id: string
  correct: boolean
  /** The correct answer: its option id for choice questions, and its text. */
  answer: { optionId?: string; text: string }
  /** `null` when unanswered. */
  given: GivenAnswer | null
  /** Typein only: how the typed text differs from the answer. */
  diff?: DiffPart[]
}

export interface ExamScore {
  /** correct / total, 0 for an empty exam. */
  score: number
  correct: number
  total: number
  passed: boolean
  /** Sorted by topic. */
  topics: TopicScore[]
  questions: QuestionScore[]
}

/**
 * Scores an exam. Unanswered questions, and DOMC items left undecided, count as wrong.
 * @throws {AnswerMismatchError} when an answer's kind differs from its question's.
 */
export function scoreExam(
  questions: readonly Question[],
  answers: Readonly<Record<string, GivenAnswer | undefined>>,
  options: ScoreOptions = {},
): ExamScore {
  const scored = questions.map((q) => scoreQuestion(q, answers[q.id] ?? null))
  const byTopic = new Map<string, TopicScore>()
  for (const [i, q] of questions.entries()) {
    const t = byTopic.get(q.topic) ?? { topic: q.topic, correct: 0, total: 0 }
    t.total++
    if (scored[i]?.correct) t.correct++
    byTopic.set(q.topic, t)
  }
  const correct = scored.filter((s) => s.correct).length
  const total = questions.length
  const score = total === 0 ? 0 : correct / total
  const topics = [...byTopic.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0))
  return { score, correct, total, passed: score >= (options.passMark ?? defaultPassMark), topics, questions: scored }
}

function scoreQuestion(question: Question, given: GivenAnswer | null): QuestionScore {
  if (given && given.kind !== question.kind) {
    throw new AnswerMismatchError(question.id, `a ${given.kind} answer to a ${question.kind} question`)
  }
  if (question.kind === 'typein') {
    const answer = { text: question.answer }
    if (given?.kind !== 'typein') return { id: question.id, correct: false, answer, given }
    const { correct, diff } = compareAnswer(given.text, question.answer, {
      caseSensitive: question.caseSensitive,
      command: true,
    })
    return { id: question.id, correct, answer, given, diff }
  }
  const optionId = question.answerOptionId
  const answer = { optionId, text: question.options.find((o) => o.id === optionId)?.text ?? '' }
  let correct = false
  if (given?.kind === 'mcq') correct = given.optionId === optionId
  if (given?.kind === 'domc' && question.kind === 'domc') correct = judgeDomc(question, given.judgements).correct
  return { id: question.id, correct, answer, given }
}
