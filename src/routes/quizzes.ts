import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { createQuizSchema, examParamSchema, questionParamSchema, quizAnswerSchema } from '../schemas/exams'
import { answerQuiz, createQuiz, getQuiz } from '../services/quizzes'
import { validate } from '../validation'

const tags = ['Quizzes']

/** `/api/v1/quizzes`: quick quizzes, each answer checked at once (issue 6, docs/exams.md). */
export const quizRoutes = new Hono<AppEnv>()
  .post(
    '/',
    describeRoute({ tags, summary: 'Start a quick multiple-choice quiz', description: 'No time limit.' }),
    auth('review'),
    validate('json', createQuizSchema),
    async (c) => {
      const { deck = c.var.deps.defaultDeck, ...input } = c.req.valid('json')
      return c.json(await createQuiz(c.var.user, { ...input, deck }), 201)
    },
  )
  .get(
    '/:id',
    describeRoute({ tags, summary: 'A quiz with the verdicts of the questions answered so far' }),
    auth('review'),
    validate('param', examParamSchema),
    async (c) => {
      const ctx = c.var.user
      return c.json(await getQuiz(ctx, c.req.valid('param').id))
    },
  )
  .post(
    '/:id/answers/:questionId',
    describeRoute({
      tags,
      summary: 'Answer one question: right or wrong at once, with the source note',
      description: 'A wrong answer counts as a lapse for the card in your schedule.',
    }),
    auth('review'),
    validate('param', questionParamSchema),
    validate('json', quizAnswerSchema),
    async (c) => {
      const ctx = c.var.user
      const { id, questionId } = c.req.valid('param')
      return c.json(await answerQuiz(ctx, id, questionId, c.req.valid('json').choice))
    },
  )
