import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm'
import type { Db } from '../index'
import { cardStates, cards, reviewLogs } from '../schema'
import { chunk } from './deck-sync'

/** A deck's live cards with the user's state and review history, for an export. */
export async function deckForExport(db: Db, userId: string, deck: string) {
  const rows = await db
    .select({
      id: cards.id,
      topic: cards.topic,
      kind: cards.kind,
      tags: cards.tags,
      prompt: cards.prompt,
      answer: cards.answer,
      promptHtml: cards.promptHtml,
      answerHtml: cards.answerHtml,
      state: cardStates,
    })
    .from(cards)
    .leftJoin(cardStates, and(eq(cardStates.cardId, cards.id), eq(cardStates.userId, userId)))
    .where(and(eq(cards.deck, deck), isNull(cards.retiredAt)))
    .orderBy(asc(cards.position))
  const logs: Array<typeof reviewLogs.$inferSelect> = []
  for (const ids of chunk(
    rows.map((row) => row.id),
    500,
  ))
    logs.push(
      ...(await db
        .select()
        .from(reviewLogs)
        .where(
          and(
            eq(reviewLogs.userId, userId),
            inArray(reviewLogs.cardId, ids),
            isNull(reviewLogs.undoneAt),
            ne(reviewLogs.origin, 'superseded'),
          ),
        )
        .orderBy(asc(reviewLogs.reviewedAt), asc(reviewLogs.id))),
    )
  logs.sort((a, b) => a.reviewedAt - b.reviewedAt || a.id - b.id)
  return { cards: rows, logs }
}

export type DeckExport = Awaited<ReturnType<typeof deckForExport>>
