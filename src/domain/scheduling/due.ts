import { isLearning, State } from './names'
import type { StudySettings } from './settings'

/**
 * The queue rules, written once: which cards are due in today's window, and how much of the
 * daily limits is left. The review queue, the home page, exam mode and the progress page use
 * these (and the SQL twins in `src/db/queries/due-window.ts`), so their counts cannot disagree.
 */

/** The part of `SqlWindow` the due rule reads. */
export interface DueWindow {
  now: number
  /** End (exclusive) of the current study day: review cards due before it are due today. */
  dayEnd: number
  /** Learning and relearning cards due at or before this are shown now: `now` + learn-ahead. */
  learningDueBy: number
}

export interface DueCard {
  state: number
  due: number
  suspended: boolean
  buriedUntil: number | null
}

/** Not suspended, and not buried past `now`: a card buried until `t` comes back at `t`. */
export const isAvailable = (card: Pick<DueCard, 'suspended' | 'buriedUntil'>, now: number) =>
  !card.suspended && (card.buriedUntil === null || card.buriedUntil <= now)

/**
 * Due in this window: a review card due before the study day ends, or a (re)learning card due
 * within the learn-ahead limit. New cards are never "due"; the daily new-card limit meters them.
 */
export function isDue(card: DueCard, window: DueWindow): boolean {
  if (!isAvailable(card, window.now)) return false
  if (card.state === State.Review) return card.due < window.dayEnd
  if (isLearning(card.state)) return card.due <= window.learningDueBy
  return false
}

export interface DoneToday {
  /** New cards introduced (first answers) since the study day began. */
  newCards: number
  /** Answers to cards that were in review state. */
  reviews: number
}

export interface DailyQuota {
  /** Review cards that may still be shown today. */
  review: number
  /** New cards that may still be introduced today. */
  new: number
}

/**
 * What is left of today's limits, given the review cards due (`reviewsDue`, uncapped). As in
 * Anki, the review limit also caps new cards: with a limit of 200 and 190 reviews waiting, at
 * most 10 new cards come; none once the limit is reached. Learning cards are never held back.
 */
export function dailyQuota(
  settings: Pick<StudySettings, 'newCardsPerDay' | 'maxReviewsPerDay'>,
  done: DoneToday,
  reviewsDue: number,
): DailyQuota {
  const review = Math.max(0, settings.maxReviewsPerDay - done.reviews)
  const reviewsShown = Math.min(reviewsDue, review)
  const fresh = Math.max(0, Math.min(settings.newCardsPerDay - done.newCards, review - reviewsShown))
  return { review: reviewsShown, new: fresh }
}
