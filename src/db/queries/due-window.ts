import { and, eq, inArray, isNull, lt, lte, not, or, type SQL, sql } from 'drizzle-orm'
import { type DueWindow, type SqlWindow, State } from '../../domain/scheduling'
import { cardStates, cards } from '../schema'
import { fsrsSql } from './fsrs-sql'

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

/**
 * Notes (deck and note of `cards`) with an answer since the study day began that `which` (a
 * condition on the log, aliased `rl`) selects. One uncorrelated subquery on
 * `review_logs_user_time_idx`, evaluated once per statement, not per card.
 */
const notesToday = (userId: string, window: Pick<SqlWindow, 'dayStart'>, which: SQL) =>
  sql`(${cards.deck}, ${cards.note}) in (select sib.deck, sib.note from review_logs rl
    join cards sib on sib.id = rl.card_id
    where rl.user_id = ${userId} and rl.reviewed_at >= ${window.dayStart} and rl.undone_at is null
      and sib.note != '' and ${which})`

const stateOf = sql`coalesce(${cardStates.state}, ${fsrsSql(State.New)})`

/**
 * Siblings (cards of one note: a term and its reverse, an Anki note's cards) held until the next
 * study day, as Anki's bury options do, but derived from today's answers rather than written:
 * an undone answer frees its siblings again and the next study day frees them all, with no
 * extra statement in the answer or the undo. A new card whose sibling was introduced today (by
 * any answer but an import) always waits; with `bury.new` so does one whose sibling was answered
 * on the review page. `bury.review` and `bury.interdayLearning` hold review cards and learning
 * cards on a step of a day or more whose sibling was answered on the review page. Cards on a
 * step of minutes are never held (Anki's intraday learning). For queries joining `cards` with
 * `card_states` (left join: an unseen card is new).
 */
export function siblingFree(userId: string, window: Pick<SqlWindow, 'dayStart' | 'bury'>) {
  const introduced = sql`rl.state = ${fsrsSql(State.New)} and rl.origin in ('review', 'quiz', 'exam')`
  const answered = sql`rl.origin = 'review'`
  const held = [
    and(
      sql`${stateOf} = ${fsrsSql(State.New)}`,
      notesToday(userId, window, window.bury.new ? sql`(${answered} or (${introduced}))` : introduced),
    ),
    window.bury.review
      ? and(sql`${stateOf} = ${fsrsSql(State.Review)}`, notesToday(userId, window, answered))
      : undefined,
    window.bury.interdayLearning
      ? and(
          sql`${stateOf} in (${fsrsSql(State.Learning)}, ${fsrsSql(State.Relearning)})`,
          sql`coalesce(${cardStates.scheduledDays}, 0) >= 1`,
          notesToday(userId, window, answered),
        )
      : undefined,
  ]
  return not(or(...held) ?? sql`0`)
}
