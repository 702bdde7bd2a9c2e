import { forgetting_curve } from 'ts-fsrs'

const DAY = 86_400_000

/**
 * Predicted recall (FSRS retrievability, 0..1) at `at` of a card last reviewed at `lastReview`:
 * the one formula for the scheduler, the exam queue, progress and readiness. Computed exactly as
 * ts-fsrs 5.4.2 `get_retrievability` does (whole days since the last review, stability rounded
 * to 8 places) without building a `Card` and two `Date`s per card, which dominated the cost for
 * thousands of cards. A unit test holds it equal to ts-fsrs.
 */
export function recallAt(w: readonly number[], stability: number, lastReview: number, at: number): number {
  const elapsedDays = Math.max(Math.floor((at - lastReview) / DAY), 0)
  return forgetting_curve(w, elapsedDays, +stability.toFixed(8))
}
