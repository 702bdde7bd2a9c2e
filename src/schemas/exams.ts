import * as v from 'valibot'
import { defaultPassMark } from '../domain/exam/score'

const slug = (field: string) =>
  v.pipe(
    v.string(`${field} must be a string`),
    v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, `${field} must be a slug like "docker"`),
  )

const wholeNumber = (field: string, min: number, max: number) => {
  const message = `${field} must be a whole number from ${min} to ${max}`
  return v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message))
}

const id = (field: string) =>
  v.pipe(v.string(`${field} must be a string`), v.regex(/^[\w-]{1,64}$/, `${field} must be an id`))

export const examFormats = ['mcq', 'domc', 'mixed'] as const
export type ExamFormatName = (typeof examFormats)[number]

export const examDraws = ['blueprint', 'notes'] as const
export type ExamDraw = (typeof examDraws)[number]

/** At most this many questions in one exam or quiz. */
export const maxQuestions = 200

export const topicsSchema = v.pipe(
  v.array(slug('topics'), 'topics must be a list of topic slugs'),
  v.maxLength(50, 'topics can list at most 50 topics'),
)

export const seedSchema = v.pipe(
  v.string('seed must be a string'),
  v.regex(/^[\w-]{1,64}$/, 'seed must be 1–64 letters, digits, - or _'),
)

/** A deck to draw from; left out, the server's default deck (`DEFAULT_DECK`, the shipped `docker`). */
export const deckQueryEntry = v.optional(slug('deck'))

export const createExamSchema = v.strictObject(
  {
    deck: deckQueryEntry,
    topics: v.optional(topicsSchema),
    questionCount: v.optional(wholeNumber('questionCount', 1, maxQuestions), 55),
    minutes: v.optional(wholeNumber('minutes', 1, 600), 90),
    format: v.optional(v.picklist(examFormats, 'format must be mcq, domc or mixed'), 'mixed'),
    /**
     * `blueprint`: questions drawn by the deck's exam domains and weights (the DCA's for Docker);
     * `notes`: by topic size, from the chosen topics. Default: blueprint when the deck has one
     * and no topics are chosen.
     */
    draw: v.optional(v.picklist(examDraws, 'draw must be blueprint or notes')),
    passMark: v.optional(
      v.pipe(
        v.number('passMark must be a number from 0.01 to 1'),
        v.minValue(0.01, 'passMark must be a number from 0.01 to 1'),
        v.maxValue(1, 'passMark must be a number from 0.01 to 1'),
      ),
      defaultPassMark,
    ),
    /** Replays one of your submitted exams: its seed (from the result), deck and settings give its questions. */
    seed: v.optional(seedSchema),
  },
  'exam: unknown field',
)
/** A new exam's settings, its deck filled in with the default when the request named none. */
export type CreateExamInput = v.InferOutput<typeof createExamSchema> & { deck: string }

export const createQuizSchema = v.strictObject(
  {
    deck: deckQueryEntry,
    topics: v.optional(topicsSchema),
    count: v.optional(wholeNumber('count', 1, 50), 10),
    seed: v.optional(seedSchema),
  },
  'quiz: unknown field',
)
export type CreateQuizInput = v.InferOutput<typeof createQuizSchema> & { deck: string }

export const examParamSchema = v.object({ id: id('id') })
export const questionParamSchema = v.object({ id: id('id'), questionId: id('questionId') })

/**
 * One answer to one question; which fields apply depends on the question's kind: `choice` for
 * multiple choice, `optionId` + `judgement` for DOMC, `text` for type-in. `flagged` may come
 * alone, to mark a question for review in the navigator.
 */
export const examAnswerSchema = v.strictObject(
  {
    choice: v.optional(id('choice')),
    optionId: v.optional(id('optionId')),
    judgement: v.optional(v.boolean('judgement must be true (yes) or false (no)')),
    text: v.optional(v.pipe(v.string('text must be a string'), v.maxLength(500, 'text: at most 500 characters'))),
    flagged: v.optional(v.boolean('flagged must be true or false')),
  },
  'answer: unknown field (use choice, optionId and judgement, text, or flagged)',
)
export type ExamAnswerInput = v.InferOutput<typeof examAnswerSchema>

export const quizAnswerSchema = v.strictObject({ choice: id('choice') }, 'answer: unknown field (use choice)')

export const historyQuerySchema = v.object({
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, 'limit must be a whole number from 1 to 100'),
      v.transform(Number),
      v.minValue(1, 'limit must be a whole number from 1 to 100'),
      v.maxValue(100, 'limit must be a whole number from 1 to 100'),
    ),
    '20',
  ),
})

export const readinessQuerySchema = v.object({ deck: deckQueryEntry })
