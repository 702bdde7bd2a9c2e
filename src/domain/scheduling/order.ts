import { createRng } from '../exam/rng'
import type { StudyDay } from './day'

/** New cards in the deck's (notes') order, or shuffled: Anki's "new card sort order". */
export const newCardOrders = ['deck', 'random'] as const
export type NewCardOrder = (typeof newCardOrders)[number]

/** Reviews by due day, shuffled within a day (Anki's default, "due date, then random"), or oldest due first. */
export const reviewOrders = ['dueDateThenRandom', 'due'] as const
export type ReviewOrder = (typeof reviewOrders)[number]

/** Two primes below 2^31, so every product of the shuffle stays inside SQLite's 64-bit integers. */
export const SHUFFLE_PRIMES = [2_147_483_647, 2_147_483_629] as const

/** Coefficients of the day's shuffle: `y = (n·a + b) mod p1`, key `(y² + d) mod p2`. */
export interface ShuffleSeed {
  a: number
  b: number
  d: number
}

/**
 * The shuffle of one user on one study day: the same on every reload that day (the queue does not
 * reshuffle under the learner), another the next day or for another user. The affine step alone
 * would order cards in a fixed stride; squaring makes it look like a shuffle.
 */
export function shuffleSeed(userId: string, studyDay: StudyDay): ShuffleSeed {
  const rng = createRng(`${userId} ${studyDay}`)
  const [p1, p2] = SHUFFLE_PRIMES
  return {
    a: 1 + Math.floor(rng() * (p1 - 1)),
    b: Math.floor(rng() * p1),
    d: Math.floor(rng() * p2),
  }
}
