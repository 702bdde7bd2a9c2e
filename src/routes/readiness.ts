import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { readinessQuerySchema } from '../schemas/exams'
import { readiness } from '../services/readiness'
import { validate } from '../validation'

/** `/api/v1/readiness`: predicted recall on the exam date (issue 6, docs/exams.md). */
export const readinessRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    tags: ['Exams'],
    summary: 'Predicted recall on your exam date, per topic, and the reviews a day needed',
    description: 'Without an exam date in your settings: `{examDate: null, hint}`.',
  }),
  auth('review'),
  validate('query', readinessQuerySchema),
  async (c) => {
    const ctx = c.var.user
    return c.json(await readiness(ctx, c.req.valid('query').deck ?? c.var.deps.defaultDeck))
  },
)
