import { type FSRS, type FSRSParameters, fsrs, generatorParameters, Rating, State } from 'ts-fsrs'
import {
  type CardMemory,
  fromFsrsCard,
  newCardState,
  type RatingName,
  type ReviewLogFields,
  toFsrsCard,
  toRating,
} from './card'
import { ReviewOutOfOrderError } from './errors'
import type { StudySettings } from './settings'
import { encodeBefore, undoReview } from './undo'

export type SchedulerSettings = Pick<StudySettings, 'desiredRetention' | 'learningSteps' | 'relearningSteps' | 'fuzz'>

export interface SchedulerOptions {
  /** Overrides `settings.fuzz`; tests turn it off so intervals are exact. */
  fuzz?: boolean
}

export interface RateResult {
  /** The card_states memory columns after the review. */
  next: CardMemory
  /** The review_logs scheduling columns for the review. */
  log: ReviewLogFields
}

/** Time until the card would be due after each answer, in ms. */
export type IntervalPreview = Record<RatingName, number>

export interface Scheduler {
  readonly parameters: FSRSParameters
  /** Answers a card; `null` stands for a card never studied, first seen at `now`. */
  rate(row: CardMemory | null, rating: RatingName, now: number): RateResult
  /** The card as it was before `log`, which must be its latest review. */
  undo(current: CardMemory, log: ReviewLogFields): CardMemory
  previewIntervals(row: CardMemory | null, now: number): IntervalPreview
  /** Probability of recall at `at`, 0..1; a new card has 0. */
  retrievability(row: CardMemory, at: number): number
}

export function fsrsParameters(settings: SchedulerSettings, options: SchedulerOptions = {}): FSRSParameters {
  return generatorParameters({
    request_retention: settings.desiredRetention,
    learning_steps: settings.learningSteps,
    relearning_steps: settings.relearningSteps,
    enable_fuzz: options.fuzz ?? settings.fuzz,
    enable_short_term: true,
  })
}

function checkOrder(row: CardMemory | null, now: number): void {
  if (row && row.lastReview !== null && now < row.lastReview) throw new ReviewOutOfOrderError(now, row.lastReview)
}

export function createScheduler(settings: SchedulerSettings, options: SchedulerOptions = {}): Scheduler {
  const f: FSRS = fsrs(fsrsParameters(settings, options))

  return {
    get parameters() {
      return f.parameters
    },

    rate(row, rating, now) {
      checkOrder(row, now)
      const before = row ?? newCardState(now)
      const { card, log } = f.next(toFsrsCard(before), new Date(now), toRating(rating))
      return {
        next: fromFsrsCard(card),
        log: {
          rating: log.rating,
          state: log.state,
          due: log.due.getTime(),
          stability: log.stability,
          difficulty: log.difficulty,
          elapsedDays: log.elapsed_days,
          lastElapsedDays: log.last_elapsed_days,
          scheduledDays: log.scheduled_days,
          learningSteps: log.learning_steps,
          reviewedAt: log.review.getTime(),
          stateAfter: card.state,
          dueAfter: card.due.getTime(),
          before: encodeBefore(before),
        },
      }
    },

    undo(current, log) {
      return undoReview(f, current, log)
    },

    previewIntervals(row, now) {
      checkOrder(row, now)
      const preview = f.repeat(toFsrsCard(row ?? newCardState(now)), new Date(now))
      const after = (grade: Rating.Again | Rating.Hard | Rating.Good | Rating.Easy) =>
        preview[grade].card.due.getTime() - now
      return {
        again: after(Rating.Again),
        hard: after(Rating.Hard),
        good: after(Rating.Good),
        easy: after(Rating.Easy),
      }
    },

    retrievability(row, at) {
      if (row.state === State.New) return 0
      return f.get_retrievability(toFsrsCard(row), new Date(at), false)
    },
  }
}
