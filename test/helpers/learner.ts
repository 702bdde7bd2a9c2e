import { fsrs, State } from 'ts-fsrs'
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
 * from the learner's own memory model (`trueWeights`), so answers look like a person's.
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
  const truth = fsrs({
    w: options.trueWeights ? [...options.trueWeights] : undefined,
    enable_fuzz: false,
    enable_short_term: true,
  })
  const { timezone, dayStartsAt } = options.settings
  const memory = new Map<string, CardMemory>()
  const answers: SimulatedAnswer[] = []
  const cardIds = Array.from({ length: options.cards }, (_, i) => `card-${String(i).padStart(4, '0')}`)
  let nextNew = 0

  const answer = (cardId: string, at: number) => {
    const before = memory.get(cardId) ?? null
    const recall =
      before === null
        ? 0
        : truth.get_retrievability(
            {
              ...before,
              due: new Date(before.due),
              elapsed_days: before.elapsedDays,
              scheduled_days: before.scheduledDays,
              learning_steps: before.learningSteps,
              state: before.state as State,
              last_review: before.lastReview === null ? undefined : new Date(before.lastReview),
            },
            new Date(at),
            false,
          )
    const rating = pickRating(rng, recall, before === null)
    const { next, log } = scheduler.rate(before, rating, at)
    memory.set(cardId, next)
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
