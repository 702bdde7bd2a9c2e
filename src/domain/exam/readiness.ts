import { createEmptyCard, default_w, fsrs, type Grade } from 'ts-fsrs'
import { type CardMemory, Rating, recallAt, State } from '../scheduling'
import { ReadinessInputError } from './errors'

const dayMs = 24 * 60 * 60 * 1000

/** What readiness needs of one card: its topic and the memory fields recall is predicted from. */
export type TopicCardMemory = Pick<CardMemory, 'stability' | 'lastReview' | 'state'> & { topic: string }

export interface TopicRecall {
  topic: string
  /** Mean predicted recall of the topic's cards on the exam date, 0..1. */
  recall: number
  cards: number
  unseen: number
}

export interface RecallProjection {
  recall: number
  cards: number
  unseen: number
  /** Sorted by topic. */
  topics: TopicRecall[]
}

export interface ProjectionOptions {
  /** FSRS weights; default ts-fsrs `default_w` (FSRS-6, decay 0.1542). */
  w?: readonly number[]
}

/**
 * Predicted probability of recalling each card on the exam date, averaged per topic and
 * overall. Unseen cards (state New, or no last review) count as 0. Elapsed time is in whole
 * days, floored, exactly as `FSRS.get_retrievability` computes it.
 */
export function projectRecall(
  states: readonly TopicCardMemory[],
  examDateMs: number,
  options: ProjectionOptions = {},
): RecallProjection {
  const w = options.w ?? default_w
  const topics = new Map<string, { sum: number; cards: number; unseen: number }>()
  let sum = 0
  let unseen = 0
  for (const card of states) {
    const r = recallOnExamDay(card, examDateMs, w)
    const t = topics.get(card.topic) ?? { sum: 0, cards: 0, unseen: 0 }
    t.sum += r ?? 0
    t.cards++
    if (r === undefined) t.unseen++
    topics.set(card.topic, t)
    sum += r ?? 0
    if (r === undefined) unseen++
  }
  const byTopic = [...topics.entries()]
    .map(([topic, t]) => ({ topic, recall: t.sum / t.cards, cards: t.cards, unseen: t.unseen }))
    .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0))
  const cards = states.length
  return { recall: cards ? sum / cards : 0, cards, unseen, topics: byTopic }
}

/** `undefined` for an unseen card. */
function recallOnExamDay(card: TopicCardMemory, examDateMs: number, w: readonly number[]): number | undefined {
  if (card.state === State.New || card.lastReview === null) return undefined
  return recallAt(w, card.stability, card.lastReview, examDateMs)
}

export interface ReviewLoad {
  /** Cards never studied. */
  unseen: number
  /** Studied cards whose predicted recall on the exam date is below `target`. */
  belowTarget: number
  daysLeft: number
  /** Desired recall on the exam date, 0 < target < 1, e.g. 0.9. */
  target: number
}

export interface ReviewEstimate {
  perDay: number
  total: number
  /** Reviews one new card takes, learning steps included. */
  perNewCard: number
}

/**
 * A rough daily review load to be at `target` recall on the exam date. Each unseen card costs
 * the reviews ts-fsrs schedules (default parameters, no fuzz, `request_retention = target`)
 * for a card learned today and always rated Good, until its next due date falls after the
 * exam: when due dates are set where recall drops to `target`, that leaves it at or above
 * `target` on the day. Each below-target card costs one review. The total is spread evenly
 * over the days left, rounded up. Optimistic: lapses and later starts need more.
 *
 * @throws {ReadinessInputError} for a target outside (0, 1) or negative counts or days.
 */
export function reviewsNeededPerDay(load: ReviewLoad): ReviewEstimate {
  const { unseen, belowTarget, daysLeft, target } = load
  if (!(target > 0 && target < 1)) throw new ReadinessInputError(`target must be in (0, 1), got ${target}`)
  if (!(unseen >= 0 && belowTarget >= 0 && daysLeft >= 0)) {
    throw new ReadinessInputError('unseen, belowTarget and daysLeft must not be negative')
  }
  const perNewCard = unseen > 0 ? reviewsForNewCard(daysLeft, target) : 0
  const total = unseen * perNewCard + belowTarget
  // An exam today or tomorrow leaves one day to do it all.
  return { perDay: Math.ceil(total / Math.max(daysLeft, 1)), total, perNewCard }
}

function reviewsForNewCard(daysLeft: number, target: number): number {
  const scheduler = fsrs({ request_retention: target, enable_fuzz: false })
  const start = new Date(0)
  const exam = daysLeft * dayMs
  const good: Grade = Rating.Good
  let card = createEmptyCard(start)
  let now = start
  let reviews = 0
  // The cap only guards against a pathological parameter set; default ones finish in a few steps.
  while (reviews < 100) {
    card = scheduler.next(card, now, good).card
    reviews++
    if (card.due.getTime() > exam) break
    now = card.due
  }
  return reviews
}
