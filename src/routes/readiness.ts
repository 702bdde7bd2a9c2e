import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { readinessQuerySchema } from '../schemas/exams'
import { readiness } from '../services/readiness'
import { validate } from '../validation'

/** `/api/v1/readiness`: predicted recall on the exam date (issue 6, docs/exams.md). */
export const readinessRoutes = new Hono<AppEnv>().get(
  '/',
  auth('review'),
  validate('query', readinessQuerySchema),
  async (c) => {
    const ctx = c.var.user
    return c.json(await readiness(ctx, c.req.valid('query').deck ?? c.var.deps.defaultDeck))
  },
)
