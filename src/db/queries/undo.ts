import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../index'
import { cardActions, cardStates, reviewLogs } from '../schema'
import type { CallerRow } from './sessions'

/**
 * What review undo may revert, in one round trip: the user's latest review-page answer not undone,
 * the state of its card, and their latest card action not undone (a suspend or bury from the
 * review page, or a bulk action of the card browser). Plain selects, no join, so the batch also
 * runs on D1 (docs/deploy.md); the state is found through the log in SQL, not in a second trip.
 * The caller's row (`callerRow`: the session check) comes first, in the same round trip.
 */
export async function latestUndoable(db: Db, userId: string, caller: CallerRow) {
  const lastLog = and(eq(reviewLogs.userId, userId), isNull(reviewLogs.undoneAt), eq(reviewLogs.origin, 'review'))
  const byTime = [desc(reviewLogs.reviewedAt), desc(reviewLogs.id)] as const
  const [callerRows, logs, states, actions] = await db.batch([
    caller,
    db
      .select()
      .from(reviewLogs)
      .where(lastLog)
      .orderBy(...byTime)
      .limit(1),
    db
      .select()
      .from(cardStates)
      .where(
        and(
          eq(cardStates.userId, userId),
          eq(
            cardStates.cardId,
            sql`(${db
              .select({ cardId: reviewLogs.cardId })
              .from(reviewLogs)
              .where(lastLog)
              .orderBy(...byTime)
              .limit(1)})`,
          ),
        ),
      )
      .limit(1),
    db
      .select()
      .from(cardActions)
      .where(and(eq(cardActions.userId, userId), isNull(cardActions.undoneAt)))
      // Two actions in the same millisecond: the later insert (rowid) is the later action.
      .orderBy(desc(cardActions.createdAt), sql`rowid desc`)
      .limit(1),
  ])
  return { caller: callerRows, log: logs[0], state: states[0], action: actions[0] }
}
