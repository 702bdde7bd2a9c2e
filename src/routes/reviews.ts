import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { answerSchema, idempotencyHeaderSchema } from '../schemas/review'
import { answerCard } from '../services/review'
import { undoLast } from '../services/undo'
import { validate } from '../validation'

/** `/api/v1/reviews`: answering cards, idempotently, and undoing answers. */
export const reviewsRoutes = new Hono<AppEnv>()
  .post(
    '/',
    auth('review', { foldsSession: true }),
    validate('header', idempotencyHeaderSchema),
    validate('json', answerSchema),
    async (c) => {
      const key = c.req.valid('header')['idempotency-key']
      const result = await answerCard(c.var.claim, c.req.valid('json'), key, 'review', c.var.deps.signingKey)
      // A superseded offline answer is a conflict the client must see, kept in the history.
      if (result.status === 409)
        return c.body(JSON.stringify(result.body), 409, { 'content-type': 'application/problem+json' })
      return c.json(result.body, result.status)
    },
  )
  .post('/undo', auth('review', { foldsSession: true }), async (c) => c.json(await undoLast(c.var.claim)))
