import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import {
  createExamSchema,
  examAnswerSchema,
  examParamSchema,
  historyQuerySchema,
  questionParamSchema,
} from '../schemas/exams'
import { answerExamQuestion } from '../services/exam-answers'
import { createExam, examHistory, getExam, submitExam } from '../services/exams'
import { validate } from '../validation'

/** `/api/v1/exams`: timed mock exams, scored on the server (issue 6, docs/exams.md). */
export const examRoutes = new Hono<AppEnv>()
  .get('/', auth('review'), validate('query', historyQuerySchema), async (c) => {
    const ctx = c.var.user
    return c.json(await examHistory(ctx, c.req.valid('query').limit))
  })
  .post('/', auth('review'), validate('json', createExamSchema), async (c) => {
    const { deck = c.var.deps.defaultDeck, ...input } = c.req.valid('json')
    return c.json(await createExam(c.var.user, { ...input, deck }), 201)
  })
  .get('/:id', auth('review'), validate('param', examParamSchema), async (c) => {
    const ctx = c.var.user
    return c.json(await getExam(ctx, c.req.valid('param').id))
  })
  .put(
    '/:id/answers/:questionId',
    auth('review'),
    validate('param', questionParamSchema),
    validate('json', examAnswerSchema),
    async (c) => {
      const ctx = c.var.user
      const { id, questionId } = c.req.valid('param')
      return c.json(await answerExamQuestion(ctx, id, questionId, c.req.valid('json')))
    },
  )
  .post('/:id/submit', auth('review'), validate('param', examParamSchema), async (c) => {
    const ctx = c.var.user
    return c.json(await submitExam(ctx, c.req.valid('param').id))
  })
