import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { nextQuerySchema } from '../schemas/review'
import { nextCard, todayCards } from '../services/review'
import { validate } from '../validation'

/** `/api/v1/review`: what to study next, and today's whole queue for offline review. */
export const reviewRoutes = new Hono<AppEnv>()
  .get(
    '/next',
    describeRoute({ tags: ['Review'], summary: 'The next card due, with the interval each answer would give' }),
    auth('review'),
    validate('query', nextQuerySchema),
    async (c) => {
      const { deck = c.var.deps.defaultDeck, topic, mode } = c.req.valid('query')
      // nextCard checks the deck in its first batch (404 if the user may not see it).
      return c.json(await nextCard(c.var.user, { deck, topic: topic || undefined }, mode))
    },
  )
  .get(
    '/today',
    describeRoute({
      tags: ['Review'],
      summary: "Every card of today's queue, for reviewing offline (answer them later with answeredAt)",
    }),
    auth('review'),
    validate('query', nextQuerySchema),
    async (c) => {
      const { deck = c.var.deps.defaultDeck, topic } = c.req.valid('query')
      // todayCards checks the deck in its first batch (404 if the user may not see it).
      return c.json(await todayCards(c.var.user, { deck, topic: topic || undefined }))
    },
  )
