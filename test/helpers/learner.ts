import { forgetting_curve, State } from 'ts-fsrs'
import { createRng, type Rng } from '../../src/domain/exam/rng'
import {
  type CardMemory,
  createScheduler,
  type RatingName,
  type ReviewLogFields,
  type StudySettings,
  studyDayOf,
  studyDayStart,
} from '../../src/domain/scheduling'
import { addStudyDays } from '../../src/domain/scheduling/day'

/**
 * A simulated learner who studies with the real scheduler in one time zone: most days one session
 * starting at a random local time inside a window, reviews due today first, then new cards, then
 * learning steps (waiting for them up to the learn-ahead limit). Whether a card is recalled comes
 * from the learner's own memory (`trueWeights`), kept apart from the scheduler's: the same answers
 * replayed through FSRS-6 with the learner's weights, its recall counted as the optimizer counts
 * it (whole study days between days; real time within a day, so a learning step can be failed).
 */
export interface LearnerOptions {
  settings: Pick<
    StudySettings,
    'timezone' | 'dayStartsAt' | 'desiredRetention' | 'learningSteps' | 'relearningSteps' | 'fuzz'
  >
  /** Local hour the study window opens (may run past midnight). */
  windowStart: number
  windowHours: number
  /** First study day, `YYYY-MM-DD`. */
  firstDay: string
  days: number
  cards: number
  newPerDay: number
  seed: string
  /** Skip a day now and then, so some reviews are late. */
  skipRate?: number
  /** The learner's real memory; defaults to FSRS-6's defaults. */
  trueWeights?: readonly number[]
  /** Stop after this many answers. */
  maxAnswers?: number
}

export interface SimulatedAnswer {
  cardId: string
  at: number
  rating: RatingName
  before: CardMemory | null
  after: CardMemory
  log: ReviewLogFields
}

const LEARN_AHEAD = 20 * 60_000
const DAY = 86_400_000

function pickRating(rng: Rng, recall: number, firstSeen: boolean): RatingName {
  const x = rng()
  if (firstSeen) return x < 0.25 ? 'again' : x < 0.4 ? 'hard' : x < 0.9 ? 'good' : 'easy'
  if (x >= recall) return 'again'
  const y = rng()
  return y < 0.15 ? 'hard' : y < 0.9 ? 'good' : 'easy'
}

export function simulateLearner(options: LearnerOptions): SimulatedAnswer[] {
  const rng = createRng(options.seed)
  const scheduler = createScheduler(options.settings)
  const { timezone, dayStartsAt } = options.settings
  // The learner's real memory: FSRS-6 with their own weights, fed the same answers. Recall must
  // come from this, not from the scheduler's estimate (which runs on the default weights): read
  // off the scheduler's stability, only w[20] of `trueWeights` had any effect and the "learner"
  // was FSRS-6's default memory, so a fit could not beat the defaults but by chance.
  const weights = options.trueWeights ? [...options.trueWeights] : undefined
  const truth = createScheduler({ ...options.settings, fsrsWeights: weights ?? null }, { fuzz: false })
  const decayOf = truth.parameters.w
  const memory = new Map<string, CardMemory>()
  const known = new Map<string, CardMemory>()
  const answers: SimulatedAnswer[] = []
  const cardIds = Array.from({ length: options.cards }, (_, i) => `card-${String(i).padStart(4, '0')}`)
  let nextNew = 0

  /** Days since the last review as FSRS counts them: study days, or the fraction of a day within one. */
  const elapsedDays = (from: number, to: number) => {
    const days =
      (Date.parse(`${studyDayOf(to, timezone, dayStartsAt)}T00:00:00Z`) -
        Date.parse(`${studyDayOf(from, timezone, dayStartsAt)}T00:00:00Z`)) /
      DAY
    return days > 0 ? days : Math.max(0, to - from) / DAY
  }

  const answer = (cardId: string, at: number) => {
    const before = memory.get(cardId) ?? null
    const own = known.get(cardId) ?? null
    const recall =
      own === null || own.lastReview === null
        ? 0
        : forgetting_curve(decayOf, elapsedDays(own.lastReview, at), own.stability)
    const rating = pickRating(rng, recall, before === null)
    const { next, log } = scheduler.rate(before, rating, at)
    memory.set(cardId, next)
    known.set(cardId, truth.rate(own, rating, at).next)
    answers.push({ cardId, at, rating, before, after: next, log })
  }

  let day = options.firstDay
  for (let d = 0; d < options.days; d++, day = addStudyDays(day, 1)) {
    if (rng() < (options.skipRate ?? 0.15)) continue
    // The window opens at `windowStart` local time on the calendar day `day`.
    const opens = studyDayStart(day, timezone, options.windowStart)
    let now = opens + Math.floor(rng() * options.windowHours * 3_600_000)
    const today = studyDayOf(now, timezone, dayStartsAt)
    const dayEnd = studyDayStart(addStudyDays(today, 1), timezone, dayStartsAt)
    let introduced = 0
    for (;;) {
      if (options.maxAnswers !== undefined && answers.length >= options.maxAnswers) return answers
      const due = [...memory.entries()].filter(([, m]) => m.state !== State.New)
      const learning = due
        .filter(([, m]) => m.state !== State.Review && m.due <= now + LEARN_AHEAD && m.due < dayEnd)
        .sort((a, b) => a[1].due - b[1].due)[0]
      const review = due
        .filter(([, m]) => m.state === State.Review && m.due < dayEnd)
        .sort((a, b) => a[1].due - b[1].due)[0]
      let cardId: string | undefined
      if (learning && learning[1].due <= now) cardId = learning[0]
      else if (review) cardId = review[0]
      else if (introduced < options.newPerDay && nextNew < cardIds.length) {
        cardId = cardIds[nextNew++]
        introduced++
      } else if (learning) {
        now = Math.max(now, learning[1].due)
        cardId = learning[0]
      }
      if (cardId === undefined || now >= dayEnd) break
      answer(cardId, now)
      now += 5_000 + Math.floor(rng() * 25_000)
    }
  }
  return answers
}
