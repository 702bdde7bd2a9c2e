import { State } from 'ts-fsrs'
import type { StudySettings } from './settings'

/** What the queue needs to know of a card; the SQL layer fetches it within `sqlWindow`. */
export interface QueueCandidate {
  cardId: string
  /** `card_states.state`, or 0 for a card with no state row yet. */
  state: number
  /** `card_states.due`; not read for new cards. */
  due: number
  /** `cards.position`: new cards are introduced in note order. */
  position: number
  suspended: boolean
  buriedUntil: number | null
}

export interface QueueContext extends Pick<StudySettings, 'newCardsPerDay' | 'maxReviewsPerDay'> {
  now: number
  /** End (exclusive) of the current study day, `sqlWindow(...).dayEnd`. */
  dayEnd: number
  /** Answers already given since the study day began. */
  doneToday: {
    /** New cards introduced (first answers). */
    newCards: number
    /** Answers to cards that were in review state. */
    reviews: number
  }
  /** Show learning cards this early, like Anki's learn-ahead limit. Default 0. */
  learnAheadMs?: number
}

export interface QueueCounts {
  learning: number
  review: number
  new: number
}

export interface StudyQueue<T> {
  /** Learning due now (by due), then reviews due today (by due, card id), then new (by position). */
  cards: T[]
  remaining: QueueCounts
  /** When the next learning card not yet shown falls due today, so the page can say "come back in 8m". */
  nextLearningDue: number | null
}

const isLearning = (state: number) => state === State.Learning || state === State.Relearning

export const isAvailable = (card: Pick<QueueCandidate, 'suspended' | 'buriedUntil'>, now: number) =>
  !card.suspended && (card.buriedUntil === null || card.buriedUntil <= now)

const byDue = (a: QueueCandidate, b: QueueCandidate) =>
  a.due - b.due || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0)

const byPosition = (a: QueueCandidate, b: QueueCandidate) =>
  a.position - b.position || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0)

/**
 * Today's study order. Learning cards are never held back by a limit (they are mid-lesson);
 * reviews stop at `maxReviewsPerDay`, new cards at `newCardsPerDay`, both minus what was done
 * earlier today. Suspended cards and cards buried until later are skipped.
 */
export function buildQueue<T extends QueueCandidate>(candidates: readonly T[], context: QueueContext): StudyQueue<T> {
  const { now, dayEnd, doneToday } = context
  const showLearningUntil = now + (context.learnAheadMs ?? 0)
  const learning: T[] = []
  const reviews: T[] = []
  const fresh: T[] = []
  let nextLearningDue: number | null = null

  for (const card of candidates) {
    if (!isAvailable(card, now)) continue
    if (card.state === State.New) fresh.push(card)
    else if (card.state === State.Review && card.due < dayEnd) reviews.push(card)
    else if (isLearning(card.state)) {
      if (card.due <= showLearningUntil) learning.push(card)
      else if (card.due < dayEnd && (nextLearningDue === null || card.due < nextLearningDue)) nextLearningDue = card.due
    }
  }

  const reviewQuota = Math.max(0, context.maxReviewsPerDay - doneToday.reviews)
  const newQuota = Math.max(0, context.newCardsPerDay - doneToday.newCards)
  const dueReviews = reviews.sort(byDue).slice(0, reviewQuota)
  const newCards = fresh.sort(byPosition).slice(0, newQuota)
  learning.sort(byDue)

  return {
    cards: [...learning, ...dueReviews, ...newCards],
    remaining: { learning: learning.length, review: dueReviews.length, new: newCards.length },
    nextLearningDue,
  }
}
