import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { createQuizSchema, quizAnswerSchema } from '../schemas/exams'
import { answerQuiz, createQuiz, getQuiz } from '../services/quizzes'
import { attemptRoutes } from './attempts'

/** `/api/v1/quizzes`: quick quizzes, each answer checked at once (issue 6, docs/exams.md). */
export const quizRoutes = new Hono<AppEnv>().route(
  '/',
  attemptRoutes({
    start: { schema: createQuizSchema, create: createQuiz },
    read: getQuiz,
    answer: {
      method: 'POST',
      schema: quizAnswerSchema,
      save: (ctx, id, questionId, body) => answerQuiz(ctx, id, questionId, body.choice),
    },
  }),
)
