import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { nextQuerySchema } from '../schemas/review'
import { nextCard, todayCards } from '../services/review'
import { validate } from '../validation'

/** `/api/v1/review`: what to study next, and today's whole queue for offline review. */
export const reviewRoutes = new Hono<AppEnv>()
  .get('/next', auth('review'), validate('query', nextQuerySchema), async (c) => {
    const { deck = c.var.deps.defaultDeck, topic, mode } = c.req.valid('query')
    // nextCard checks the deck in its first batch (404 if the user may not see it).
    return c.json(await nextCard(c.var.user, { deck, topic: topic || undefined }, mode, c.var.deps.signingKey))
  })
  .get('/today', auth('review'), validate('query', nextQuerySchema), async (c) => {
    const { deck = c.var.deps.defaultDeck, topic } = c.req.valid('query')
    // todayCards checks the deck in its first batch (404 if the user may not see it).
    return c.json(await todayCards(c.var.user, { deck, topic: topic || undefined }))
  })
