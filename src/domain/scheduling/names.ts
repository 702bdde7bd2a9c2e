import { type Grade, Rating, State } from 'ts-fsrs'
import { InvalidRatingError } from './errors'

/**
 * Card states and ratings, by one name each: ts-fsrs's own `State` and `Rating` enums, whose
 * numbers are what `card_states.state`, `review_logs.state` and `review_logs.rating` store.
 * Code and SQL say `State.Review`, never `2`.
 */
export { Rating, State }

/** A state's name in the API and exports, indexed by `State`. */
export const stateNames = ['new', 'learning', 'review', 'relearning'] as const
export type StateName = (typeof stateNames)[number]

/** The name of a stored state; an unknown number reads as `new`, as a card with no state row. */
export function stateName(state: number): StateName {
  return stateNames[state] ?? 'new'
}

/** Learning and relearning cards run on minutes, not study days. */
export function isLearning(state: number): boolean {
  return state === State.Learning || state === State.Relearning
}

/** A rating's name in the API, indexed by `Rating - 1` (ts-fsrs's `Manual` rating is never stored). */
export const ratingNames = ['again', 'hard', 'good', 'easy'] as const
export type RatingName = (typeof ratingNames)[number]

const grades: Record<RatingName, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
}

export function toRating(name: RatingName): Grade {
  const grade = Object.hasOwn(grades, name) ? grades[name] : undefined
  if (grade === undefined) throw new InvalidRatingError(name)
  return grade
}

export function ratingName(rating: number): RatingName {
  const name = ratingNames[rating - 1]
  if (!Number.isInteger(rating) || name === undefined) throw new InvalidRatingError(rating)
  return name
}

export function isRatingName(value: unknown): value is RatingName {
  return typeof value === 'string' && (ratingNames as readonly string[]).includes(value)
}
