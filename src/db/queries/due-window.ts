import { and, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm'
import { type DueWindow, State } from '../../domain/scheduling'
import { cardStates } from '../schema'

/**
 * The SQL twins of `isAvailable` and `isDue` (src/domain/scheduling/due.ts). Every query that
 * counts or fetches due cards builds its WHERE from these, so SQL and the queue agree.
 */

/** `isAvailable`: not suspended, not buried past `now`. */
export const availableAt = (now: number) =>
  and(eq(cardStates.suspended, false), or(isNull(cardStates.buriedUntil), lte(cardStates.buriedUntil, now)))

/** `isDue` for review cards: due before the study day ends. */
export const reviewDue = (window: DueWindow) =>
  and(eq(cardStates.state, State.Review), lt(cardStates.due, window.dayEnd), availableAt(window.now))

/** `isDue` for (re)learning cards: due within the learn-ahead limit. */
export const learningDue = (window: DueWindow) =>
  and(
    inArray(cardStates.state, [State.Learning, State.Relearning]),
    lte(cardStates.due, window.learningDueBy),
    availableAt(window.now),
  )

/** `isDue`: either of the above. */
export const dueInWindow = (window: DueWindow) => or(reviewDue(window), learningDue(window))
