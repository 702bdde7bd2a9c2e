import { type DoneToday, dailyQuota, isAvailable, isDue } from './due'
import { isLearning, State } from './names'
import type { StudySettings } from './settings'

/** What the queue needs to know of a card; the SQL layer fetches it within `sqlWindow`. */
export interface QueueCandidate {
  cardId: string
  /** `card_states.state`, or `State.New` for a card with no state row yet. */
  state: number
  /** `card_states.due`; not read for new cards. */
  due: number
  /** `cards.position`: new cards are introduced in note order. */
  position: number
  suspended: boolean
  buriedUntil: number | null
  /** `cards.note`: cards sharing a non-empty note are siblings; at most one new card of a note a day. */
  note?: string
  /**
   * Where a review or new card stands in today's order (`reviewOrder`, `newCardOrder`), computed
   * in SQL with the same ORDER BY that picked the few candidates; without it, due and position.
   */
  rank?: number
}

export interface QueueContext extends Pick<StudySettings, 'newCardsPerDay' | 'maxReviewsPerDay'> {
  now: number
  /** End (exclusive) of the current study day, `sqlWindow(...).dayEnd`. */
  dayEnd: number
  /** Answers already given since the study day began. */
  doneToday: DoneToday
  /** Show learning cards this early, like Anki's learn-ahead limit. Default 0. */
  learnAheadMs?: number
  /**
   * Review cards due today in all, when `candidates` holds only the first few of them (the SQL
   * layer peeks); it sets how many new cards the review limit leaves room for.
   */
  reviewsDue?: number
}

export interface QueueCounts {
  learning: number
  review: number
  new: number
}

export interface StudyQueue<T> {
  /**
   * Learning due now (by due), then reviews due today (by rank, else due), then new (by rank,
   * else position), then learning due within the learn-ahead limit (by due).
   */
  cards: T[]
  remaining: QueueCounts
  /** When the next learning card not yet shown falls due today, so the page can say "come back in 8m". */
  nextLearningDue: number | null
}

const byCardId = (a: QueueCandidate, b: QueueCandidate) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0)

const byDue = (a: QueueCandidate, b: QueueCandidate) => a.due - b.due || byCardId(a, b)

const byReviewRank = (a: QueueCandidate, b: QueueCandidate) => (a.rank ?? a.due) - (b.rank ?? b.due) || byCardId(a, b)

const byNewRank = (a: QueueCandidate, b: QueueCandidate) =>
  (a.rank ?? a.position) - (b.rank ?? b.position) || byCardId(a, b)

/** The first card of each note, so a term and its reverse are not introduced on the same day. */
function oneOfEachNote<T extends QueueCandidate>(cards: T[]): T[] {
  const seen = new Set<string>()
  return cards.filter((card) => {
    if (!card.note) return true
    if (seen.has(card.note)) return false
    seen.add(card.note)
    return true
  })
}

/**
 * Today's study order. Learning cards are never held back by a limit (they are mid-lesson);
 * reviews and new cards stop where `dailyQuota` says. Due means `isDue`; suspended cards and
 * cards buried until later are skipped.
 */
export function buildQueue<T extends QueueCandidate>(candidates: readonly T[], context: QueueContext): StudyQueue<T> {
  const { now, dayEnd, doneToday } = context
  const window = { now, dayEnd, learningDueBy: now + (context.learnAheadMs ?? 0) }
  const learning: T[] = []
  const ahead: T[] = []
  const reviews: T[] = []
  const fresh: T[] = []
  let nextLearningDue: number | null = null

  for (const card of candidates) {
    if (!isAvailable(card, now)) continue
    if (card.state === State.New) fresh.push(card)
    else if (isDue(card, window))
      (card.state === State.Review ? reviews : card.due <= now ? learning : ahead).push(card)
    else if (isLearning(card.state) && card.due < dayEnd && (nextLearningDue === null || card.due < nextLearningDue))
      nextLearningDue = card.due
  }

  const quota = dailyQuota(context, doneToday, context.reviewsDue ?? reviews.length)
  const dueReviews = reviews.sort(byReviewRank).slice(0, quota.review)
  const newCards = oneOfEachNote(fresh.sort(byNewRank)).slice(0, quota.new)
  learning.sort(byDue)
  ahead.sort(byDue)

  return {
    // As Anki: learning cards due within the learn-ahead limit wait until nothing else is left.
    cards: [...learning, ...dueReviews, ...newCards, ...ahead],
    remaining: { learning: learning.length + ahead.length, review: dueReviews.length, new: newCards.length },
    nextLearningDue,
  }
}
