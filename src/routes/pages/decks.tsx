import { Hono } from 'hono/tiny'
import * as v from 'valibot'
import { canStudy, findDeckAccess, findScope, listCards, listDecks } from '#data'
import type { AppEnv } from '../../env'
import { AppError } from '../../errors'
import { deckCardsQuerySchema, deckParamSchema } from '../../schemas/review'
import { presentCard } from '../../services/card-view'
import { validate } from '../../validation'
import { DeckPage } from '../../views/pages/deck'
import { DeckNotePage } from '../../views/pages/deck-note'
import { signedIn } from './signed-in'

const noteParamSchema = v.object({ ...deckParamSchema.entries, topic: deckCardsQuerySchema.entries.topic.wrapped })

/** Only web links are shown as sources; anything else in the front matter is dropped. */
function webLinks(json: string): string[] {
  try {
    const list: unknown = JSON.parse(json)
    return Array.isArray(list) ? list.filter((u): u is string => typeof u === 'string' && /^https?:\/\//.test(u)) : []
  } catch {
    return []
  }
}

/** Deck pages: topics, cards and the source notes (issue 3). */
export const deckPages = new Hono<AppEnv>()
  .use('/decks/*', signedIn)
  .get('/decks/:slug', validate('param', deckParamSchema), validate('query', deckCardsQuerySchema), async (c) => {
    const { slug } = c.req.valid('param')
    const topicSlug = c.req.valid('query').topic
    const deck = (await listDecks(c.var.db, c.var.user!.userId)).find((d) => d.slug === slug)
    if (!deck) throw new AppError(404, 'not_found', `slug: no deck "${slug}"`, { field: 'slug' })
    let topic: Parameters<typeof DeckPage>[0]['topic']
    if (topicSlug) {
      const found = deck.topics.find((t) => t.slug === topicSlug)
      if (!found) throw new AppError(404, 'not_found', `topic: no topic "${topicSlug}"`, { field: 'topic' })
      const cards = await listCards(c.var.db, slug, topicSlug)
      topic = { slug: found.slug, title: found.title, cards: cards.map(presentCard) }
    }
    const userId = c.var.user!.userId
    // Shipped decks are read-only: only a user's or team's deck may be written to, by its owners.
    const canEdit =
      (deck.ownerId !== null || deck.teamId !== null) &&
      (await findDeckAccess(c.var.db, userId, slug))?.role === 'write'
    return c.render(<DeckPage deck={deck} topic={topic} canEdit={canEdit} />, {
      title: topic ? `${topic.title} · ${deck.title}` : deck.title,
      styles: ['decks.css'],
    })
  })
  .get('/decks/:slug/notes/:topic', validate('param', noteParamSchema), async (c) => {
    const { slug, topic: topicSlug } = c.req.valid('param')
    const [scope, cards] = await Promise.all([
      findScope(c.var.db, slug, topicSlug),
      listCards(c.var.db, slug, topicSlug),
    ])
    if (!scope.deck || !(await canStudy(c.var.db, c.var.user!.userId, scope.deck)))
      throw new AppError(404, 'not_found', `slug: no deck "${slug}"`, { field: 'slug' })
    if (!scope.topic) throw new AppError(404, 'not_found', `topic: no topic "${topicSlug}"`, { field: 'topic' })
    const topic = { ...scope.topic, sources: webLinks(scope.topic.sources) }
    return c.render(<DeckNotePage deck={scope.deck} topic={topic} cards={cards.map(presentCard)} />, {
      title: `${topic.title} notes`,
      styles: ['decks.css'],
    })
  })
