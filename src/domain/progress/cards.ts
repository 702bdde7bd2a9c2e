import { State, stateName } from '../scheduling'
import { type DayGrid, dayAt, dayIndexOf } from './days'

/**
 * Live cards with a schedule, counted by SQL per topic and flags. `memory` holds, for cards
 * seen, each card's stability and last review: all that predicted recall needs.
 */
export interface CardGroup {
  deck: string
  topic: string
  /** A ts-fsrs `State` (`domain/scheduling/names.ts`). */
  state: number
  suspended: boolean
  leech: boolean
  /** In review state with an interval of 21 days or more, as Anki counts mature cards. */
  mature: boolean
  /** Buried until later than now. */
  buried: boolean
  count: number
  memory: readonly (readonly [stability: number, lastReview: number])[]
}

/** Live cards per topic, with the topic's title. */
export interface TopicTotal {
  deck: string
  topic: string
  title: string
  total: number
}

export interface CardCounts {
  total: number
  new: number
  learning: number
  review: number
  relearning: number
  suspended: number
  leech: number
  /** Mature review cards, suspended ones left out. */
  mature: number
  /** Cards past learning: in review or relearning, suspended or not. */
  learned: number
  /** Cards answered at least once (any state but new), suspended or not: readiness's "studied". */
  studied: number
}

export interface TopicProgress {
  deck: string
  topic: string
  title: string
  seen: number
  total: number
  /** Mean predicted recall now over the cards seen, or null when none was seen. */
  meanRecall: number | null
  mature: number
}

/** Counts by state; suspended cards count as suspended only, leeches also in their state. */
export function countCards(groups: readonly CardGroup[], topics: readonly TopicTotal[]): CardCounts {
  const total = topics.reduce((sum, t) => sum + t.total, 0)
  const counts: CardCounts = {
    total,
    new: total,
    learning: 0,
    review: 0,
    relearning: 0,
    suspended: 0,
    leech: 0,
    mature: 0,
    learned: 0,
    studied: 0,
  }
  for (const g of groups) {
    counts.new -= g.count
    if (g.suspended) counts.suspended += g.count
    else counts[stateName(g.state)] += g.count
    if (g.leech) counts.leech += g.count
    if (g.mature && !g.suspended) counts.mature += g.count
    if (g.state === State.Review || g.state === State.Relearning) counts.learned += g.count
    if (g.state !== State.New) counts.studied += g.count
  }
  return counts
}

/** Per topic: cards seen of the total, mean recall now (from `recall`), mature cards. */
export function topicProgress(
  groups: readonly CardGroup[],
  topics: readonly TopicTotal[],
  recall: (stability: number, lastReview: number) => number,
): TopicProgress[] {
  const key = (deck: string, topic: string) => `${deck}\u0000${topic}`
  const sums = new Map<string, { seen: number; recall: number; mature: number }>()
  for (const g of groups) {
    if (g.state === State.New) continue
    const k = key(g.deck, g.topic)
    const sum = sums.get(k) ?? { seen: 0, recall: 0, mature: 0 }
    sum.seen += g.count
    for (const [stability, lastReview] of g.memory) sum.recall += recall(stability, lastReview)
    if (g.mature && !g.suspended) sum.mature += g.count
    sums.set(k, sum)
  }
  return topics.map((t) => {
    const sum = sums.get(key(t.deck, t.topic))
    return {
      deck: t.deck,
      topic: t.topic,
      title: t.title,
      seen: sum?.seen ?? 0,
      total: t.total,
      meanRecall: sum ? sum.recall / sum.seen : null,
      mature: sum?.mature ?? 0,
    }
  })
}

/** Cards not suspended and seen, counted per quarter hour of their due time. */
export interface DueBucket {
  /** Start of the quarter hour, epoch ms. */
  bucket: number
  state: number
  buried: boolean
  count: number
}

/** Cards falling due on each of the `days` study days from today; overdue cards count today. */
export function forecast(grid: DayGrid, due: readonly DueBucket[], today: number, days: number) {
  const counts = new Array<number>(days).fill(0)
  for (const b of due) {
    const offset = Math.max(0, dayIndexOf(grid, b.bucket) - today)
    if (offset < days) counts[offset] = (counts[offset] ?? 0) + b.count
  }
  return counts.map((count, i) => ({ date: dayAt(grid, today + i), due: count }))
}
