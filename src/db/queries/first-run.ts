import { eq } from 'drizzle-orm'
import type { Db } from '../index'
import { reviewLogs } from '../schema'

/** Whether the user has ever answered a card: the first-run introduction shows until then. */
export async function hasReviewed(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ one: reviewLogs.id }).from(reviewLogs).where(eq(reviewLogs.userId, userId)).limit(1)
  return row !== undefined
}
