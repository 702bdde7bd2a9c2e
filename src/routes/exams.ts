import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { createExamSchema, examAnswerSchema, examParamSchema, historyQuerySchema } from '../schemas/exams'
import { answerExamQuestion } from '../services/exam-answers'
import { createExam, examHistory, getExam, submitExam } from '../services/exams'
import { validate } from '../validation'
import { attemptRoutes } from './attempts'

/** `/api/v1/exams`: timed mock exams, scored on the server (issue 6, docs/exams.md). */
export const examRoutes = new Hono<AppEnv>()
  .get('/', auth('review'), validate('query', historyQuerySchema), async (c) =>
    c.json(await examHistory(c.var.user, c.req.valid('query').limit)),
  )
  .route(
    '/',
    attemptRoutes({
      start: { schema: createExamSchema, create: createExam },
      read: getExam,
      answer: { method: 'PUT', schema: examAnswerSchema, save: answerExamQuestion },
    }),
  )
  .post('/:id/submit', auth('review', { foldsSession: true }), validate('param', examParamSchema), async (c) =>
    c.json(await submitExam(c.var.claim, c.req.valid('param').id)),
  )
