import { describe, expect, it } from 'vitest'
import type { CardStateRow } from '../../src/db/queries/review'
import { defaultSettings } from '../../src/domain/scheduling'
import type { UserContext } from '../../src/services/context'
import { planReview } from '../../src/services/review'

const NOW = Date.parse('2026-01-15T12:00:00Z')
const DAY = 86_400_000

/** planReview reads no database: the context only brings the user, the clock and the settings. */
const ctx: UserContext = { db: undefined as never, now: NOW, userId: 'u1', settings: defaultSettings() }

/** A review card one lapse short of the leech threshold (8), due now. */
const nearLeech: CardStateRow = {
  userId: 'u1',
  cardId: 'c1',
  due: NOW,
  stability: 3,
  difficulty: 8,
  elapsedDays: 3,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 20,
  lapses: 7,
  state: 2,
  lastReview: NOW - 3 * DAY,
  suspended: false,
  leech: false,
  buriedUntil: null,
  version: 4,
  updatedAt: NOW - 3 * DAY,
}

describe('leeches', () => {
  it('are made by a lapse on the review page', () => {
    const { write, becameLeech } = planReview(ctx, 'c1', nearLeech, 'again', NOW, 'review')
    expect(write.memory.lapses).toBe(8)
    expect({ becameLeech, suspended: write.suspended, leech: write.leech }).toEqual({
      becameLeech: true,
      suspended: true,
      leech: true,
    })
  })

  it('are never made by a quiz or exam lapse, which still counts in the card’s memory', () => {
    for (const origin of ['quiz', 'exam'] as const) {
      const { write, becameLeech } = planReview(ctx, 'c1', nearLeech, 'again', NOW, origin)
      expect(write.memory.lapses, origin).toBe(8)
      expect({ becameLeech, suspended: write.suspended, leech: write.leech }, origin).toEqual({
        becameLeech: false,
        suspended: false,
        leech: false,
      })
    }
  })
})
