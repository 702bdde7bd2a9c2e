import { nextDayStart, type StudyDay, startOfStudyDay, studyDayOf } from './day'
import type { NewCardOrder, ReviewOrder } from './order'
import type { StudySettings } from './settings'

/** The bounds the SQL layer needs to fetch just today's candidates for `buildQueue`. */
export interface SqlWindow {
  now: number
  studyDay: StudyDay
  /**
   * Start of the study day. Answers with `reviewed_at >= dayStart` (and `undone_at` null) count
   * as done today: those in `State.New` are new cards introduced, in `State.Review` reviews.
   */
  dayStart: number
  /** End (exclusive) of the study day: review cards with `due < dayEnd` are due today. */
  dayEnd: number
  /** Learning and relearning cards with `due <= learningDueBy` are shown now (learn-ahead). */
  learningDueBy: number
  /** Most review cards worth fetching (before subtracting today's answers). */
  reviewLimit: number
  /** Most new cards worth fetching, in `cards.position` order. */
  newLimit: number
  /** Which siblings of today's answers wait until the next study day (the three bury settings). */
  bury: { new: boolean; review: boolean; interdayLearning: boolean }
  /** The order of new cards and of reviews (`newCardOrder`, `reviewOrder`). */
  order: { newCards: NewCardOrder; reviews: ReviewOrder }
}

export function sqlWindow(
  settings: Pick<
    StudySettings,
    | 'timezone'
    | 'dayStartsAt'
    | 'maxReviewsPerDay'
    | 'newCardsPerDay'
    | 'learnAheadMinutes'
    | 'buryNewSiblings'
    | 'buryReviewSiblings'
    | 'buryInterdayLearningSiblings'
    | 'newCardOrder'
    | 'reviewOrder'
  >,
  now: number,
): SqlWindow {
  const { timezone, dayStartsAt } = settings
  return {
    now,
    studyDay: studyDayOf(now, timezone, dayStartsAt),
    dayStart: startOfStudyDay(now, timezone, dayStartsAt),
    dayEnd: nextDayStart(now, timezone, dayStartsAt),
    learningDueBy: now + settings.learnAheadMinutes * 60_000,
    reviewLimit: settings.maxReviewsPerDay,
    newLimit: settings.newCardsPerDay,
    bury: {
      new: settings.buryNewSiblings,
      review: settings.buryReviewSiblings,
      interdayLearning: settings.buryInterdayLearningSiblings,
    },
    order: { newCards: settings.newCardOrder, reviews: settings.reviewOrder },
  }
}
