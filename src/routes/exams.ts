import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
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

const tags = ['Exams']

/** `/api/v1/exams`: timed mock exams, scored on the server (issue 6, docs/exams.md). */
export const examRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags,
      summary: 'Your mock exams, newest first',
      description: 'Exams past their deadline are scored here.',
    }),
    auth('review'),
    validate('query', historyQuerySchema),
    async (c) => {
      const ctx = c.var.user
      return c.json(await examHistory(ctx, c.req.valid('query').limit))
    },
  )
  .post(
    '/',
    describeRoute({
      tags,
      summary: 'Start a timed mock exam',
      description:
        'Questions are fixed at the start and carry nothing that gives the answer away; DOMC questions list only the option being shown. `draw`: `blueprint` (by exam domain weights, avoiding your recent questions; docs/exams.md) or `notes` (by topic size). Send a `seed` from an earlier result to replay that exam.',
    }),
    auth('review'),
    validate('json', createExamSchema),
    async (c) => {
      const { deck = c.var.deps.defaultDeck, ...input } = c.req.valid('json')
      return c.json(await createExam(c.var.user, { ...input, deck }), 201)
    },
  )
  .get(
    '/:id',
    describeRoute({ tags, summary: 'An exam: questions and saved answers while it runs, the result once submitted' }),
    auth('review'),
    validate('param', examParamSchema),
    async (c) => {
      const ctx = c.var.user
      return c.json(await getExam(ctx, c.req.valid('param').id))
    },
  )
  .put(
    '/:id/answers/:questionId',
    describeRoute({
      tags,
      summary: 'Save an answer or a flag',
      description:
        'Multiple choice `{choice}`, DOMC `{optionId, judgement}` (appended in order, never changed), type-in `{text}`; `flagged` alone or with an answer. After the deadline: 409 `deadline_passed`.',
    }),
    auth('review'),
    validate('param', questionParamSchema),
    validate('json', examAnswerSchema),
    async (c) => {
      const ctx = c.var.user
      const { id, questionId } = c.req.valid('param')
      return c.json(await answerExamQuestion(ctx, id, questionId, c.req.valid('json')))
    },
  )
  .post(
    '/:id/submit',
    describeRoute({
      tags,
      summary: 'Submit and score the exam (idempotent: submitting again returns the same result)',
    }),
    auth('review'),
    validate('param', examParamSchema),
    async (c) => {
      const ctx = c.var.user
      return c.json(await submitExam(ctx, c.req.valid('param').id))
    },
  )
