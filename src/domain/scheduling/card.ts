import { type Card, createEmptyCard, type Rating, type ReviewLog, State } from 'ts-fsrs'
import { InvalidCardError } from './errors'

/** The ts-fsrs memory columns of a `card_states` row; times are epoch ms. */
export interface CardMemory {
  due: number
  stability: number
  difficulty: number
  elapsedDays: number
  scheduledDays: number
  learningSteps: number
  reps: number
  lapses: number
  /** A ts-fsrs `State` (`./names`). */
  state: number
  lastReview: number | null
}

/**
 * The scheduling columns of a `review_logs` row. The ts-fsrs fields are the ts-fsrs `ReviewLog`
 * as is (so `rollback` can read them back); `before` holds what that log cannot restore.
 */
export interface ReviewLogFields {
  rating: number
  state: number
  /** As ts-fsrs writes it: the card's previous `last_review`, or its `due` when it had none. */
  due: number
  stability: number
  difficulty: number
  elapsedDays: number
  lastElapsedDays: number
  scheduledDays: number
  learningSteps: number
  reviewedAt: number
  stateAfter: number
  dueAfter: number
  /** JSON of {@link BeforeReview}. */
  before: string
}

const states = new Set<number>([State.New, State.Learning, State.Review, State.Relearning])

export function toFsrsCard(row: CardMemory): Card {
  if (!states.has(row.state)) throw new InvalidCardError(`state ${row.state} is not 0, 1, 2 or 3`)
  for (const key of ['due', 'stability', 'difficulty', 'reps', 'lapses'] as const) {
    if (!Number.isFinite(row[key])) throw new InvalidCardError(`${key} is not a number`)
  }
  return {
    due: new Date(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as State,
    last_review: row.lastReview === null ? undefined : new Date(row.lastReview),
  }
}

export function fromFsrsCard(card: Card): CardMemory {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  }
}

/** The memory state of a card never studied, due at once. */
export function newCardState(now: number): CardMemory {
  return fromFsrsCard(createEmptyCard(new Date(now)))
}

/** The ts-fsrs fields of a review log row, back in ts-fsrs shape for `rollback`. */
export function toFsrsLog(log: ReviewLogFields): ReviewLog {
  return {
    rating: log.rating as Rating,
    state: log.state as State,
    due: new Date(log.due),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsedDays,
    last_elapsed_days: log.lastElapsedDays,
    scheduled_days: log.scheduledDays,
    learning_steps: log.learningSteps,
    review: new Date(log.reviewedAt),
  }
}
