import { studyDayOf } from './day'

/**
 * A user's review history as the FSRS optimizer (fsrs-rs, through `@open-spaced-repetition/binding`)
 * trains on it, built the way Anki builds it (rslib/src/scheduler/fsrs/params.rs,
 * `reviews_for_fsrs`): per card, each review with the study days since the previous one; one
 * training item per review made on a later study day, holding the card's reviews up to it.
 *
 * The optimizer aborts the whole process (a Rust panic that cannot unwind) on an item without a
 * review a day or more after the first, and refuses ratings outside 1–4 or a first review with
 * days elapsed: no such item is ever built here.
 */

/** One answer from `review_logs` (review answers only: quiz and exam answers are not memory tests of the card). */
export interface FitReview {
  cardId: string
  /** 1 again … 4 easy. */
  rating: number
  reviewedAt: number
}

/** One card's reviews up to a long-term review: `[rating, study days since the previous review]`. */
export type FitItem = [rating: number, deltaT: number][]

export interface FitHistory {
  /** Items to fit the parameters on. */
  train: FitItem[]
  /** Items of one card in five (picked by a hash of the card id), kept out of the fit to measure it. */
  heldOut: FitItem[]
  /** Long-term reviews in both parts: what the optimizer can learn from. */
  reviews: number
}

/** Fewer long-term reviews than this and the fit is noise (and its held-out fifth too small to judge it). */
export const MIN_FIT_REVIEWS = 400

const DAY = 86_400_000

/** FNV-1a: a stable, evenly spread split that does not depend on how card ids are ordered. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

export function isHeldOut(cardId: string): boolean {
  return hashOf(cardId) % 5 === 0
}

export function fitHistory(reviews: FitReview[], clock: { timezone: string; dayStartsAt: number }): FitHistory {
  const byCard = new Map<string, FitReview[]>()
  for (const review of reviews) {
    if (!Number.isInteger(review.rating) || review.rating < 1 || review.rating > 4) continue
    const list = byCard.get(review.cardId)
    if (list) list.push(review)
    else byCard.set(review.cardId, [review])
  }
  const dayNumber = (at: number) => Date.parse(`${studyDayOf(at, clock.timezone, clock.dayStartsAt)}T00:00:00Z`) / DAY
  const history: FitHistory = { train: [], heldOut: [], reviews: 0 }
  for (const [cardId, list] of byCard) {
    list.sort((a, b) => a.reviewedAt - b.reviewedAt)
    const target = isHeldOut(cardId) ? history.heldOut : history.train
    const sequence: FitItem = []
    let previousDay: number | null = null
    for (const review of list) {
      const day = dayNumber(review.reviewedAt)
      const deltaT = previousDay === null ? 0 : day - previousDay
      sequence.push([review.rating, deltaT])
      previousDay = day
      if (sequence.length > 1 && deltaT > 0) {
        target.push(sequence.slice())
        history.reviews++
      }
    }
  }
  return history
}
