import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { progressQuerySchema } from '../schemas/progress'
import { loadProgress, resolveDeck } from '../services/progress'
import { validate } from '../validation'

export { progressQuerySchema, resolveDeck }

/** `/api/v1/progress`: study statistics (issue 5). */
export const progressRoutes = new Hono<AppEnv>().get(
  '/',
  auth('progress:read'),
  validate('query', progressQuerySchema),
  async (c) => {
    // loadProgress checks the deck in its first batch (404 if the user may not see it).
    return c.json(await loadProgress(c.var.user, c.req.valid('query').deck || undefined))
  },
)
