import { BindingMemoryState, FSRSBinding, type NextStates } from '@open-spaced-repetition/binding'
import { describe, expect, it } from 'vitest'
import { fuzzBounds } from '../../src/domain/scheduling/fuzz'
import { type SimulatedAnswer, simulateLearner } from '../helpers/learner'

/**
 * Replays a simulated learner's answers, card by card, against the Rust FSRS-6 crate (the one
 * Anki runs, through `@open-spaced-repetition/binding`). The days elapsed between two answers are
 * counted here independently of `src/`, the way fsrs-rs converts Anki's revlog: the local time
 * (from the zone's UTC offset at that instant) minus the day-start hour, floored to a day.
 */

const DAY = 86_400_000
const offsetFormats = new Map<string, Intl.DateTimeFormat>()

/** The zone's UTC offset at `ms`, read from Intl's `longOffset` name ("GMT-05:00"). */
function utcOffsetMs(ms: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    offsetFormats.set(timeZone, format)
  }
  const name = format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  if (!match) return 0
  const sign = match[1] === '-' ? -1 : 1
  return sign * (Number(match[2]) * 3_600_000 + Number(match[3]) * 60_000)
}

const dayNumber = (ms: number, timeZone: string, dayStartsAt: number) =>
  Math.floor((ms + utcOffsetMs(ms, timeZone) - dayStartsAt * 3_600_000) / DAY)

const MAX_INTERVAL = 36_500

/**
 * Anki's interval for an answer from the crate's next states, fuzz off
 * (rslib/src/scheduler/states/review.rs, `passing_fsrs_review_intervals`): hard at least 1,
 * good above hard, easy above good, each rounded; a graduating card takes its rating's interval.
 */
function ankiInterval(states: NextStates, rating: SimulatedAnswer['rating'], fromReview: boolean): number {
  const round = (ivl: number, min: number) => Math.min(Math.max(Math.round(ivl), min, 1), MAX_INTERVAL)
  if (!fromReview) return round(states[rating].interval, 1)
  const hard = round(states.hard.interval, 1)
  const good = round(states.good.interval, hard + 1)
  const easy = round(states.easy.interval, good + 1)
  return rating === 'hard' ? hard : rating === 'good' ? good : easy
}

/**
 * Every interval Anki's fuzz could give (fuzz.rs `constrained_fuzz_bounds`): for a passing review,
 * good's minimum is one above whatever hard was fuzzed to, and easy's one above good's.
 */
function ankiFuzzWindow(states: NextStates, rating: SimulatedAnswer['rating'], fromReview: boolean): Set<number> {
  const range = (minimum: number, interval: number) => {
    const [lower, upper] = fuzzBounds(interval, minimum, MAX_INTERVAL)
    return Array.from({ length: upper - lower + 1 }, (_, i) => lower + i)
  }
  if (!fromReview || rating === 'again') return new Set(range(1, states[rating].interval))
  let possible = range(1, states.hard.interval)
  for (const next of ['good', 'easy'] as const) {
    if (rating === 'hard' || (rating === 'good' && next === 'easy')) break
    possible = [...new Set(possible.flatMap((previous) => range(previous + 1, states[next].interval)))]
  }
  return new Set(possible)
}

interface ReplayFigures {
  answers: number
  dayIntervals: number
  intervalDiffs: number
  /**
   * Answers where the crate's unrounded interval sits on a half day, within the 1e-4 the stability
   * may differ by (the crate computes in 32-bit floats, ts-fsrs in 64-bit): 136.49990 here, 136.5
   * there, so one rounds to 136 and the other to 137. Not a rule that differs; counted apart.
   */
  roundingTies: number
  maxStabilityError: number
  maxDifficultyError: number
  insideFuzzWindow: number
  /** Answers whose elapsed days differ from counting by UTC date: what the zone changes. */
  utcDateWouldDiffer: number
}

function replay(answers: SimulatedAnswer[], timeZone: string, dayStartsAt: number, retention: number): ReplayFigures {
  const rust = new FSRSBinding()
  const byCard = new Map<string, SimulatedAnswer[]>()
  for (const a of answers) byCard.set(a.cardId, [...(byCard.get(a.cardId) ?? []), a])
  const figures: ReplayFigures = {
    answers: answers.length,
    dayIntervals: 0,
    intervalDiffs: 0,
    roundingTies: 0,
    maxStabilityError: 0,
    maxDifficultyError: 0,
    insideFuzzWindow: 0,
    utcDateWouldDiffer: 0,
  }
  for (const history of byCard.values()) {
    let memory: BindingMemoryState | null = null
    let previous: number | null = null
    for (const a of history) {
      const elapsed =
        previous === null ? 0 : dayNumber(a.at, timeZone, dayStartsAt) - dayNumber(previous, timeZone, dayStartsAt)
      if (previous !== null && elapsed !== Math.floor(a.at / DAY) - Math.floor(previous / DAY))
        figures.utcDateWouldDiffer++
      expect(a.log.elapsedDays, `elapsed days of ${a.cardId} at ${new Date(a.at).toISOString()}`).toBe(
        a.before === null || a.before.state === 0 ? 0 : elapsed,
      )
      const states = rust.nextStates(memory, retention, elapsed)
      const chosen = states[a.rating]
      const stabilityError = Math.abs(a.after.stability - chosen.memory.stability) / chosen.memory.stability
      const difficultyError = Math.abs(a.after.difficulty - chosen.memory.difficulty) / chosen.memory.difficulty
      figures.maxStabilityError = Math.max(figures.maxStabilityError, stabilityError)
      figures.maxDifficultyError = Math.max(figures.maxDifficultyError, difficultyError)
      if (a.after.state === 2) {
        figures.dayIntervals++
        const fromReview = a.before?.state === 2
        const interval = ankiInterval(states, a.rating, fromReview)
        const ours = a.after.scheduledDays
        // The due time must fall on the study day the interval names.
        expect(dayNumber(a.after.due, timeZone, dayStartsAt) - dayNumber(a.at, timeZone, dayStartsAt)).toBe(ours)
        if (ours !== interval) {
          const unrounded = states[a.rating].interval
          const onHalfDay = Math.abs((unrounded % 1) - 0.5) < 1e-4 * unrounded
          if (onHalfDay && Math.abs(ours - interval) === 1) figures.roundingTies++
          else figures.intervalDiffs++
        }
        if (ankiFuzzWindow(states, a.rating, fromReview).has(ours)) figures.insideFuzzWindow++
      }
      memory = new BindingMemoryState(chosen.memory.stability, chosen.memory.difficulty)
      previous = a.at
    }
  }
  return figures
}

const zones = [
  // Each window straddles what tells a study day from a UTC date: in UTC the 04:00 day start,
  // elsewhere UTC midnight (New York's evening, Tokyo's morning, Auckland's midday).
  { timezone: 'UTC', windowStart: 1, windowHours: 8 },
  { timezone: 'America/New_York', windowStart: 16, windowHours: 7 },
  { timezone: 'Asia/Tokyo', windowStart: 7, windowHours: 6 },
  { timezone: 'Pacific/Auckland', windowStart: 10, windowHours: 6 },
]

function learnerIn(zone: (typeof zones)[number], fuzz: boolean) {
  return simulateLearner({
    settings: {
      timezone: zone.timezone,
      dayStartsAt: 4,
      desiredRetention: 0.9,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
      fuzz,
    },
    windowStart: zone.windowStart,
    windowHours: zone.windowHours,
    // A year and a bit: both DST changes of New York and Auckland, each twice.
    firstDay: '2026-01-10',
    days: 420,
    cards: 200,
    newPerDay: 6,
    seed: `replay-${zone.timezone}`,
  })
}

describe('scheduling replayed against the Rust FSRS-6 crate', () => {
  for (const zone of zones) {
    it(`gives every interval Anki would, by study day, in ${zone.timezone} (fuzz off)`, () => {
      const figures = replay(learnerIn(zone, false), zone.timezone, 4, 0.9)
      expect(figures.answers).toBeGreaterThan(2000)
      expect(figures.dayIntervals).toBeGreaterThan(1000)
      expect(figures.utcDateWouldDiffer).toBeGreaterThan(100)
      expect(figures.intervalDiffs).toBe(0)
      expect(figures.maxStabilityError).toBeLessThan(1e-4)
      expect(figures.maxDifficultyError).toBeLessThan(1e-4)
      if (process.env.REPLAY_FIGURES) console.log(zone.timezone, 'fuzz off', figures)
    })

    it(`keeps fuzzed intervals inside Anki's fuzz window in ${zone.timezone}`, () => {
      const figures = replay(learnerIn(zone, true), zone.timezone, 4, 0.9)
      expect(figures.maxStabilityError).toBeLessThan(1e-4)
      expect(figures.insideFuzzWindow).toBe(figures.dayIntervals)
      if (process.env.REPLAY_FIGURES) console.log(zone.timezone, 'fuzz on', figures)
    })
  }

  it('counts a New York evening and the next morning as two study days, not one UTC date', () => {
    // 2026-03-07 21:00 EST is 2026-03-08 02:00 UTC; 2026-03-08 09:00 EDT is 13:00 UTC (DST began).
    const evening = Date.UTC(2026, 2, 8, 2)
    const morning = Date.UTC(2026, 2, 8, 13)
    expect(dayNumber(morning, 'America/New_York', 4) - dayNumber(evening, 'America/New_York', 4)).toBe(1)
    expect(Math.floor(morning / DAY) - Math.floor(evening / DAY)).toBe(0)
  })
})
