import type { Db } from '../src/db/index'
import { cardStates, reviewLogs } from '../src/db/schema'
import { type CardMemory, createScheduler, type RatingName } from '../src/domain/scheduling'

const DAY = 86_400_000

export interface HistoryOptions {
  userId: string
  cardIds: readonly string[]
  /** UTC midnight of the first simulated day. */
  start: number
  days: number
  newPerDay: number
  /** Share of days skipped entirely, so streaks break now and then. */
  skipRate?: number
  seed?: number
}

type LogRow = typeof reviewLogs.$inferInsert
type StateRow = typeof cardStates.$inferInsert

/** Small seeded generator (mulberry32), so every run builds the same history. */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A learner studying every evening with the real scheduler: due cards first, then new ones,
 * then learning steps until none is left for the session. Returns the rows to insert.
 */
export function simulateHistory(options: HistoryOptions): { logs: LogRow[]; states: StateRow[] } {
  const rng = random(options.seed ?? 42)
  const scheduler = createScheduler({
    desiredRetention: 0.9,
    learningSteps: ['1m', '10m'],
    relearningSteps: ['10m'],
    fuzz: true,
  })
  const memory = new Map<string, CardMemory>()
  const logs: LogRow[] = []
  const pick = (state: number): RatingName => {
    const r = rng()
    const again = state === 2 ? 0.1 : 0.15
    return r < again ? 'again' : r < again + 0.1 ? 'hard' : r < 0.93 ? 'good' : 'easy'
  }
  let introduced = 0
  for (let day = 0; day < options.days; day++) {
    if (rng() < (options.skipRate ?? 0.05)) continue
    let now = options.start + day * DAY + 17 * 3_600_000 + Math.floor(rng() * 3 * 3_600_000)
    const sessionEnd = options.start + (day + 1) * DAY
    const answer = (cardId: string) => {
      const before = memory.get(cardId) ?? null
      const { next, log } = scheduler.rate(before, pick(before?.state ?? 0), now)
      memory.set(cardId, next)
      const durationMs = 3000 + Math.floor(rng() * 12_000)
      logs.push({ userId: options.userId, cardId, ...log, durationMs, origin: 'review' })
      now += durationMs
    }
    const due = [...memory].filter(([, m]) => m.state !== 0 && m.due < sessionEnd).sort((a, b) => a[1].due - b[1].due)
    for (const [cardId] of due) answer(cardId)
    const fresh = options.cardIds.slice(introduced, introduced + options.newPerDay)
    introduced += fresh.length
    for (const cardId of fresh) answer(cardId)
    for (let round = 0; round < 20; round++) {
      const learning = [...memory].filter(([, m]) => (m.state === 1 || m.state === 3) && m.due < sessionEnd)
      if (learning.length === 0) break
      for (const [cardId, m] of learning.sort((a, b) => a[1].due - b[1].due)) {
        now = Math.max(now, m.due)
        answer(cardId)
      }
    }
  }
  const states: StateRow[] = [...memory].map(([cardId, m]) => ({
    userId: options.userId,
    cardId,
    ...m,
    suspended: false,
    leech: false,
    buriedUntil: null,
    version: m.reps,
    updatedAt: m.lastReview ?? options.start,
  }))
  return { logs, states }
}

/** Inserts a simulated history in large batches (one transaction per batch). */
export async function insertHistory(db: Db, history: { logs: LogRow[]; states: StateRow[] }): Promise<void> {
  const chunk = <T>(rows: T[], size: number) =>
    Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size))
  for (const part of chunk(history.states, 1000)) await db.insert(cardStates).values(part)
  for (const parts of chunk(chunk(history.logs, 1000), 10)) {
    const [first, ...rest] = parts.map((part) => db.insert(reviewLogs).values(part))
    if (first) await db.batch([first, ...rest])
  }
}
