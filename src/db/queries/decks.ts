import { and, asc, count, eq, isNull } from 'drizzle-orm'
import { type Blueprint, parseBlueprint } from '../../domain/exam/blueprint'
import type { Db } from '../index'
import { cards, decks, topics } from '../schema'
import { visibleTo } from './deck-access'

export interface DeckSummary {
  slug: string
  title: string
  description: string
  ownerId: string | null
  teamId: string | null
  cardCount: number
  /** The deck's exam blueprint, if `deck.yaml` has one. */
  blueprint?: Blueprint | undefined
  topics: { slug: string; title: string; file: string; cardCount: number }[]
}

/**
 * Every deck with its topics and the number of live (not retired) cards in each; with `userId`,
 * only the decks that user may see (shared, their own, their teams').
 */
export async function listDecks(db: Db, userId?: string): Promise<DeckSummary[]> {
  const [deckRows, topicRows, countRows] = await db.batch([
    db
      .select()
      .from(decks)
      .where(userId ? visibleTo(userId) : undefined)
      .orderBy(asc(decks.title)),
    db.select().from(topics).orderBy(asc(topics.deck), asc(topics.position)),
    db
      .select({ deck: cards.deck, topic: cards.topic, n: count() })
      .from(cards)
      .where(isNull(cards.retiredAt))
      .groupBy(cards.deck, cards.topic),
  ])
  const counts = new Map(countRows.map((r) => [`${r.deck}/${r.topic}`, r.n]))
  return deckRows.map((deck) => {
    const deckTopics = topicRows
      .filter((t) => t.deck === deck.slug)
      .map((t) => ({
        slug: t.slug,
        title: t.title,
        file: t.file,
        cardCount: counts.get(`${deck.slug}/${t.slug}`) ?? 0,
      }))
    return {
      slug: deck.slug,
      title: deck.title,
      description: deck.description,
      ownerId: deck.ownerId,
      teamId: deck.teamId,
      cardCount: deckTopics.reduce((sum, t) => sum + t.cardCount, 0),
      blueprint: parseBlueprint(deck.blueprint),
      topics: deckTopics,
    }
  })
}

/** The live cards of a deck, optionally of one topic, in note order. */
export async function listCards(db: Db, deck: string, topic?: string) {
  return db
    .select()
    .from(cards)
    .where(and(eq(cards.deck, deck), isNull(cards.retiredAt), topic ? eq(cards.topic, topic) : undefined))
    .orderBy(asc(cards.topic), asc(cards.position))
}
