import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { createQuizSchema, examParamSchema, questionParamSchema, quizAnswerSchema } from '../schemas/exams'
import { answerQuiz, createQuiz, getQuiz } from '../services/quizzes'
import { validate } from '../validation'

/** `/api/v1/quizzes`: quick quizzes, each answer checked at once (issue 6, docs/exams.md). */
export const quizRoutes = new Hono<AppEnv>()
  .post('/', auth('review'), validate('json', createQuizSchema), async (c) => {
    const { deck = c.var.deps.defaultDeck, ...input } = c.req.valid('json')
    return c.json(await createQuiz(c.var.user, { ...input, deck }), 201)
  })
  .get('/:id', auth('review'), validate('param', examParamSchema), async (c) => {
    const ctx = c.var.user
    return c.json(await getQuiz(ctx, c.req.valid('param').id))
  })
  .post(
    '/:id/answers/:questionId',
    auth('review'),
    validate('param', questionParamSchema),
    validate('json', quizAnswerSchema),
    async (c) => {
      const ctx = c.var.user
      const { id, questionId } = c.req.valid('param')
      return c.json(await answerQuiz(ctx, id, questionId, c.req.valid('json').choice))
    },
  )
