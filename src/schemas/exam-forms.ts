import * as v from 'valibot'
import { parseWith } from '../validation'
import {
  type CreateExamInput,
  type CreateQuizInput,
  createExamSchema,
  createQuizSchema,
  type ExamAnswerInput,
} from './exams'

/** A parsed form: `parseBody({ all: true })`, where repeated fields (topics) become arrays. */
export type FormBody = Record<string, string | File | (string | File)[]>

export function field(body: FormBody, name: string): string {
  const value = body[name]
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first : ''
}

export function fields(body: FormBody, name: string): string[] {
  const value = body[name]
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string')
}

/** A number typed in a form; an empty or non-numeric field stays a string so the schema names it. */
const number = (text: string): number | string =>
  text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text

/** The deck a start form names, or the server's default deck. */
export const formDeck = (body: FormBody, defaultDeck: string): string => field(body, 'deck') || defaultDeck

/** The start-exam form, checked by the API's own schema so the rules and messages are the same. */
export function parseExamForm(body: FormBody, defaultDeck: string): CreateExamInput {
  const topics = fields(body, 'topics')
  const seed = field(body, 'seed')
  const draw = field(body, 'draw')
  const deck = formDeck(body, defaultDeck)
  const exam = parseWith(createExamSchema, {
    deck,
    ...(topics.length ? { topics } : {}),
    questionCount: number(field(body, 'questionCount')),
    minutes: number(field(body, 'minutes')),
    format: field(body, 'format') || 'mixed',
    ...(draw ? { draw } : {}),
    ...(field(body, 'passMark') ? { passMark: number(field(body, 'passMark')) } : {}),
    ...(seed ? { seed } : {}),
  })
  return { ...exam, deck }
}

export function parseQuizForm(body: FormBody, defaultDeck: string): CreateQuizInput {
  const topics = fields(body, 'topics')
  const deck = formDeck(body, defaultDeck)
  const quiz = parseWith(createQuizSchema, {
    deck,
    ...(topics.length ? { topics } : {}),
    count: number(field(body, 'count')),
  })
  return { ...quiz, deck }
}

const idPattern = /^[\w-]{1,64}$/

export interface AnswerForm {
  questionId: string
  /** The 1-based number of the question the form was on. */
  q: number
  /** Where to go after saving: a 1-based question number. */
  go: number
  /** `undefined` when the form carried nothing to save (moving on without an answer). */
  input: ExamAnswerInput | undefined
}

const answerFormSchema = v.object({
  question: v.pipe(v.string(), v.regex(idPattern, 'question must be a question id')),
  q: v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'q must be a question number'), v.transform(Number)),
  go: v.optional(v.picklist(['next', 'prev', 'stay'], 'go must be next, prev or stay'), 'stay'),
})

/** The exam page's answer form: the answer for the question's kind, a flag, and where to go next. */
export function parseAnswerForm(body: FormBody): AnswerForm {
  const form = parseWith(answerFormSchema, {
    question: field(body, 'question'),
    q: field(body, 'q'),
    go: field(body, 'go') || undefined,
  })
  const choice = field(body, 'choice')
  const optionId = field(body, 'optionId')
  const judgement = field(body, 'judgement')
  const text = body.text === undefined ? undefined : field(body, 'text')
  const flagged = field(body, 'flagged')
  const input: ExamAnswerInput = {
    ...(choice && idPattern.test(choice) ? { choice } : {}),
    ...(judgement && optionId && idPattern.test(optionId) ? { optionId, judgement: judgement === 'yes' } : {}),
    ...(text !== undefined && text.trim() !== '' ? { text: text.slice(0, 500) } : {}),
    ...(flagged === 'true' || flagged === 'false' ? { flagged: flagged === 'true' } : {}),
  }
  const step = form.go === 'next' ? 1 : form.go === 'prev' ? -1 : 0
  return {
    questionId: form.question,
    q: form.q,
    go: form.q + step,
    input: Object.keys(input).length ? input : undefined,
  }
}

export const pageQuerySchema = v.object({
  q: v.optional(v.union([v.literal('done'), v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'q must be a question number'))])),
})
