import { and, asc, eq, isNull } from 'drizzle-orm'
import type { Db } from '../index'
import { reviewLogs } from '../schema'

/** A user's answers to one card (undone ones left out), oldest first: the card's history. */
export async function findCardHistory(db: Db, userId: string, cardId: string) {
  return db
    .select({
      reviewedAt: reviewLogs.reviewedAt,
      rating: reviewLogs.rating,
      state: reviewLogs.state,
      stateAfter: reviewLogs.stateAfter,
      dueAfter: reviewLogs.dueAfter,
      durationMs: reviewLogs.durationMs,
      origin: reviewLogs.origin,
    })
    .from(reviewLogs)
    .where(and(eq(reviewLogs.userId, userId), eq(reviewLogs.cardId, cardId), isNull(reviewLogs.undoneAt)))
    .orderBy(asc(reviewLogs.reviewedAt), asc(reviewLogs.id))
}
