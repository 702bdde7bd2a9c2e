import { type Card, createEmptyCard, fsrs, type Grade, get_fuzz_range, Rating, State, StrategyMode } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { type CardMemory, fromFsrsCard, newCardState, toFsrsCard } from './card'
import { InvalidCardError, InvalidRatingError, ReviewOutOfOrderError } from './errors'
import { formatInterval } from './interval'
import { ankiLearningSteps } from './learning-steps'
import { type RatingName, ratingName, toRating } from './names'
import { createScheduler } from './scheduler'
import { defaultSettings } from './settings'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const START = Date.parse('2026-01-05T09:00:00Z')
const settings = defaultSettings()
const scheduler = createScheduler(settings, { fuzz: false })

/** ts-fsrs configured by hand the way the settings should configure it, with Anki's Hard on later steps. */
const direct = fsrs({
  request_retention: 0.9,
  learning_steps: ['1m', '10m'],
  relearning_steps: ['10m'],
  enable_fuzz: false,
  enable_short_term: true,
}).useStrategy(StrategyMode.LEARNING_STEPS, ankiLearningSteps)

/** Answers at the due time plus a delay: every state, late and early reviews, all four ratings. */
const history: [RatingName, number][] = [
  ['good', 0],
  ['again', 0],
  ['hard', 30 * MINUTE],
  ['good', 0],
  ['good', 5 * HOUR],
  ['easy', 2 * DAY],
  ['again', 0],
  ['hard', 0],
  ['good', 0],
  ['hard', -2 * DAY],
  ['good', 7 * DAY],
  ['again', 0],
  ['again', 0],
  ['easy', 0],
  ['good', 40 * DAY],
]

describe('scheduler', () => {
  it('gives the same cards and logs as calling ts-fsrs directly for a whole history', () => {
    let row: CardMemory | null = null
    let card: Card = createEmptyCard(new Date(START))
    let now = START
    const states = new Set<number>()
    for (const [rating, delay] of history) {
      const expected = direct.next(card, new Date(now), toRating(rating))
      const { next, log } = scheduler.rate(row, rating, now)
      states.add(log.state)
      expect(next).toEqual(fromFsrsCard(expected.card))
      expect(log).toMatchObject({
        rating: expected.log.rating,
        state: expected.log.state,
        due: expected.log.due.getTime(),
        stability: expected.log.stability,
        difficulty: expected.log.difficulty,
        elapsedDays: expected.log.elapsed_days,
        lastElapsedDays: expected.log.last_elapsed_days,
        scheduledDays: expected.log.scheduled_days,
        learningSteps: expected.log.learning_steps,
        reviewedAt: now,
        stateAfter: expected.card.state,
        dueAfter: expected.card.due.getTime(),
      })
      row = next
      card = expected.card
      now = Math.max(next.due + delay, now + MINUTE)
    }
    expect([...states].sort()).toEqual([State.New, State.Learning, State.Review, State.Relearning])
  })

  it('follows the learning steps: 1m, 6m, 10m on the first answer, then 8 days on easy', () => {
    const preview = scheduler.previewIntervals(null, START)
    expect(preview).toEqual({ again: MINUTE, hard: 6 * MINUTE, good: 10 * MINUTE, easy: preview.easy })
    expect(Object.values(preview).map(formatInterval)).toEqual(['1m', '6m', '10m', '8d'])
  })

  it('previews exactly the due times ts-fsrs gives for each rating', () => {
    let row: CardMemory | null = null
    let now = START
    for (const [rating] of history.slice(0, 8)) {
      const record = direct.repeat(toFsrsCard(row ?? newCardState(now)), new Date(now))
      const preview = scheduler.previewIntervals(row, now)
      for (const grade of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as Grade[]) {
        expect(preview[ratingName(grade)]).toBe(record[grade].card.due.getTime() - now)
      }
      row = scheduler.rate(row, rating, now).next
      now = row.due
    }
  })

  it('uses the desired retention: lower retention gives longer intervals, as ts-fsrs does', () => {
    const relaxed = createScheduler({ ...settings, desiredRetention: 0.8 }, { fuzz: false })
    const relaxedDirect = fsrs({ request_retention: 0.8, enable_fuzz: false })
    const card = scheduler.rate(null, 'easy', START).next
    const later = card.due
    expect(relaxed.previewIntervals(card, later).good).toBeGreaterThan(scheduler.previewIntervals(card, later).good)
    expect(relaxed.rate(card, 'good', later).next).toEqual(
      fromFsrsCard(relaxedDirect.next(toFsrsCard(card), new Date(later), Rating.Good).card),
    )
  })

  it('uses custom steps: a single 15m relearning step', () => {
    const custom = createScheduler({ ...settings, relearningSteps: ['15m'] }, { fuzz: false })
    const review = custom.rate(null, 'easy', START).next
    const lapse = custom.rate(review, 'again', review.due).next
    expect(lapse.state).toBe(State.Relearning)
    expect(lapse.due - review.due).toBe(15 * MINUTE)
  })

  it('keeps a long fuzzed interval within the ts-fsrs fuzz range', () => {
    const fuzzy = createScheduler(settings)
    const card = scheduler.rate(scheduler.rate(null, 'easy', START).next, 'easy', START + 8 * DAY).next
    const now = card.due
    const plain = scheduler.rate(card, 'good', now).next.scheduledDays
    const fuzzed = fuzzy.rate(card, 'good', now).next.scheduledDays
    const { min_ivl, max_ivl } = get_fuzz_range(plain, card.scheduledDays, 36500)
    expect(plain).toBeGreaterThan(20)
    expect(fuzzed).toBeGreaterThanOrEqual(min_ivl)
    expect(fuzzed).toBeLessThanOrEqual(max_ivl)
  })

  it('gives a new card a retrievability of 0 and a reviewed one what ts-fsrs gives', () => {
    expect(scheduler.retrievability(newCardState(START), START + DAY)).toBe(0)
    const card = scheduler.rate(null, 'easy', START).next
    expect(scheduler.retrievability(card, START)).toBe(1)
    for (const days of [1, 8, 30, 365]) {
      const r = scheduler.retrievability(card, START + days * DAY)
      expect(r).toBe(direct.get_retrievability(toFsrsCard(card), new Date(START + days * DAY), false))
      expect(r).toBeGreaterThan(0)
      expect(r).toBeLessThan(1)
    }
    expect(scheduler.retrievability(card, START + 8 * DAY)).toBeCloseTo(0.9, 1)
  })

  it('refuses a review dated before the last review', () => {
    const card = scheduler.rate(null, 'good', START).next
    expect(() => scheduler.rate(card, 'good', START - 1)).toThrow(ReviewOutOfOrderError)
  })

  it('refuses ratings and states ts-fsrs does not know', () => {
    expect(() => scheduler.rate(null, 'perfect' as RatingName, START)).toThrow(InvalidRatingError)
    expect(() => ratingName(0)).toThrow(InvalidRatingError)
    expect(() => scheduler.rate({ ...newCardState(START), state: 7 }, 'good', START)).toThrow(InvalidCardError)
  })

  it('maps rating names to ts-fsrs ratings both ways', () => {
    expect(['again', 'hard', 'good', 'easy'].map((name) => toRating(name as RatingName))).toEqual([
      Rating.Again,
      Rating.Hard,
      Rating.Good,
      Rating.Easy,
    ])
    expect([1, 2, 3, 4].map(ratingName)).toEqual(['again', 'hard', 'good', 'easy'])
  })
})

describe('personal FSRS parameters', () => {
  // A learner who keeps a card easily answered Easy for 15 days, not FSRS-6's default 8.3.
  const personal = [
    0.8, 3, 6, 15, 6.5, 0.6, 2.5, 0.01, 1.2, 0.2, 1.2, 1.6, 0.06, 0.4, 1.8, 0.7, 2.0, 0.6, 0.2, 0.1, 0.3,
  ]

  it('schedules with the weights in the settings, and with the defaults when they are null', () => {
    const own = createScheduler({ ...settings, fsrsWeights: personal }, { fuzz: false })
    const plain = createScheduler({ ...settings, fsrsWeights: null }, { fuzz: false })
    expect(own.parameters.w).toEqual(personal)
    expect(own.rate(null, 'easy', START).next.stability).toBeCloseTo(15, 6)
    expect(own.rate(null, 'easy', START).next.scheduledDays).toBe(15)
    expect(plain.rate(null, 'easy', START).next.scheduledDays).toBe(
      scheduler.rate(null, 'easy', START).next.scheduledDays,
    )
    expect(plain.rate(null, 'easy', START).next.scheduledDays).toBe(8)
  })
})
