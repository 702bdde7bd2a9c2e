import { type Card, type FSRS, type FSRSParameters, fsrs, generatorParameters, StrategyMode } from 'ts-fsrs'
import { type CardMemory, fromFsrsCard, newCardState, type ReviewLogFields, toFsrsCard } from './card'
import { ReviewOutOfOrderError } from './errors'
import { fuzzFactorFor, passingIntervals, reviewInterval } from './fuzz'
import { ankiLearningSteps } from './learning-steps'
import { Rating, type RatingName, State, toRating } from './names'
import { recallAt } from './recall'
import type { StudySettings } from './settings'
import { realDue, type StudyClockSettings, toStudyTime } from './study-clock'
import { encodeBefore, undoReview } from './undo'

export type SchedulerSettings = Pick<
  StudySettings,
  'desiredRetention' | 'learningSteps' | 'relearningSteps' | 'fuzz' | 'timezone' | 'dayStartsAt'
> &
  Partial<Pick<StudySettings, 'fsrsWeights' | 'maximumInterval'>>

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
    // Personal parameters (POST /api/v1/settings/optimize) when fitted, else FSRS-6's defaults.
    ...(settings.fsrsWeights ? { w: [...settings.fsrsWeights] } : {}),
    request_retention: settings.desiredRetention,
    learning_steps: settings.learningSteps,
    relearning_steps: settings.relearningSteps,
    enable_fuzz: options.fuzz ?? settings.fuzz,
    enable_short_term: true,
    // ts-fsrs clamps every interval to it, and ./fuzz keeps fuzzed ones inside it too.
    maximum_interval: settings.maximumInterval ?? 36500,
  })
}

/** The card as ts-fsrs should see it: its times on the study-day clock. */
function onStudyClock(row: CardMemory, clock: StudyClockSettings): Card {
  const card = toFsrsCard(row)
  card.due = new Date(toStudyTime(row.due, clock))
  if (row.lastReview !== null) card.last_review = new Date(toStudyTime(row.lastReview, clock))
  return card
}

/** ts-fsrs's answer back in real time: reviewed at `now`, due on the study day it names. */
function offStudyClock(card: Card, now: { real: number; study: number }, clock: StudyClockSettings): CardMemory {
  const inDays = card.state === State.Review
  return {
    ...fromFsrsCard(card),
    due: realDue(card.due.getTime(), inDays, now, clock),
    lastReview: now.real,
  }
}

const DAY = 86_400_000

function checkOrder(row: CardMemory | null, now: number): void {
  if (row && row.lastReview !== null && now < row.lastReview) throw new ReviewOutOfOrderError(now, row.lastReview)
}

export function createScheduler(settings: SchedulerSettings, options: SchedulerOptions = {}): Scheduler {
  // ts-fsrs runs without fuzz: intervals in days are rounded and fuzzed as Anki does (./fuzz).
  const f: FSRS = fsrs({ ...fsrsParameters(settings, options), enable_fuzz: false }).useStrategy(
    StrategyMode.LEARNING_STEPS,
    ankiLearningSteps,
  )
  const fuzz = options.fuzz ?? settings.fuzz
  const maximum = f.parameters.maximum_interval
  const clock: StudyClockSettings = { timezone: settings.timezone, dayStartsAt: settings.dayStartsAt }
  const clockAt = (real: number) => ({ real, study: toStudyTime(real, clock) })
  const unrounded = (card: Card) => card.stability * f.interval_modifier
  const isFsrsInterval = (card: Card) =>
    card.state === State.Review && card.scheduled_days === Math.min(Math.max(1, Math.round(unrounded(card))), maximum)

  /** All four answers to `before` at `now`, on the study-day clock, with Anki's intervals. */
  function answers(before: CardMemory, at: { real: number; study: number }) {
    const preview = f.repeat(onStudyClock(before, clock), new Date(at.study))
    const factor = fuzz ? fuzzFactorFor(before) : null
    const setDays = (card: Card, days: number) => {
      card.scheduled_days = days
      card.due = new Date(at.study + days * DAY)
    }
    for (const grade of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const) {
      const { card } = preview[grade]
      if (isFsrsInterval(card)) setDays(card, reviewInterval(unrounded(card), 1, maximum, factor))
    }
    if (before.state === State.Review) {
      const passing = passingIntervals(
        {
          hard: unrounded(preview[Rating.Hard].card),
          good: unrounded(preview[Rating.Good].card),
          easy: unrounded(preview[Rating.Easy].card),
        },
        maximum,
        factor,
      )
      setDays(preview[Rating.Hard].card, passing.hard)
      setDays(preview[Rating.Good].card, passing.good)
      setDays(preview[Rating.Easy].card, passing.easy)
    }
    return preview
  }

  return {
    get parameters() {
      return f.parameters
    },

    rate(row, rating, now) {
      checkOrder(row, now)
      const before = row ?? newCardState(now)
      const at = clockAt(now)
      const { card, log } = answers(before, at)[toRating(rating)]
      const next = offStudyClock(card, at, clock)
      return {
        next,
        log: {
          rating: log.rating,
          state: log.state,
          // As ts-fsrs writes it (the previous last_review, else the due), in real time.
          due: before.lastReview ?? before.due,
          stability: log.stability,
          difficulty: log.difficulty,
          elapsedDays: log.elapsed_days,
          lastElapsedDays: log.last_elapsed_days,
          scheduledDays: log.scheduled_days,
          learningSteps: log.learning_steps,
          reviewedAt: now,
          stateAfter: next.state,
          dueAfter: next.due,
          before: encodeBefore(before),
        },
      }
    },

    undo(current, log) {
      return undoReview(f, current, log)
    },

    previewIntervals(row, now) {
      checkOrder(row, now)
      const at = clockAt(now)
      const preview = answers(row ?? newCardState(now), at)
      const after = (grade: Rating.Again | Rating.Hard | Rating.Good | Rating.Easy) =>
        offStudyClock(preview[grade].card, at, clock).due - now
      return {
        again: after(Rating.Again),
        hard: after(Rating.Hard),
        good: after(Rating.Good),
        easy: after(Rating.Easy),
      }
    },

    retrievability(row, at) {
      if (row.state === State.New || row.lastReview === null) return 0
      return recallAt(f.parameters.w, row.stability, row.lastReview, at)
    },
  }
}
