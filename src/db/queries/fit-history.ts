import { and, eq, isNull } from 'drizzle-orm'
import type { FitReview } from '../../domain/scheduling/fit-history'
import type { Db } from '../index'
import { reviewLogs } from '../schema'

/**
 * The answers the FSRS optimizer learns from: the user's review-page answers that stand. Quiz and
 * exam answers are left out (a multiple-choice pick is not a recall of the card), and so are undone
 * answers and superseded offline ones.
 */
export async function reviewsForFit(db: Db, userId: string): Promise<FitReview[]> {
  return db
    .select({ cardId: reviewLogs.cardId, rating: reviewLogs.rating, reviewedAt: reviewLogs.reviewedAt })
    .from(reviewLogs)
    .where(and(eq(reviewLogs.userId, userId), eq(reviewLogs.origin, 'review'), isNull(reviewLogs.undoneAt)))
}
