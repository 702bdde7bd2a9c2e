import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
import { listCards, listDecks } from '../db/queries/decks'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { auth } from '../middleware/caller'
import { deckCardsQuerySchema, deckParamSchema } from '../schemas/review'
import { presentCard } from '../services/review'
import { validate } from '../validation'

/** `/api/v1/decks`: the decks, their topics and their cards. */
export const deckRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({ tags: ['Decks'], summary: 'Every deck with its topics and card counts' }),
    auth(),
    async (c) => {
      const decks = await listDecks(c.var.db)
      return c.json(
        decks.map((d) => ({
          slug: d.slug,
          title: d.title,
          description: d.description,
          cardCount: d.cardCount,
          topics: d.topics.map((t) => ({ slug: t.slug, title: t.title, cardCount: t.cardCount })),
        })),
      )
    },
  )
  .get(
    '/:slug/cards',
    describeRoute({ tags: ['Decks'], summary: "A deck's cards, optionally of one topic" }),
    auth(),
    validate('param', deckParamSchema),
    validate('query', deckCardsQuerySchema),
    async (c) => {
      const { slug } = c.req.valid('param')
      const rows = await listCards(c.var.db, slug, c.req.valid('query').topic)
      if (rows.length === 0 && !(await listDecks(c.var.db)).some((d) => d.slug === slug))
        throw new AppError(404, 'not_found', `slug: no deck "${slug}"`, { field: 'slug' })
      return c.json(rows.map(presentCard))
    },
  )
