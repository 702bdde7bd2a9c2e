import { getTableColumns } from 'drizzle-orm'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { cardStates, reviewLogs } from '../../db/schema'
import type { CardMemory, ReviewLogFields } from './card'
import { createScheduler } from './scheduler'
import { defaultSettings } from './settings'

type CardStateRow = typeof cardStates.$inferSelect
type ReviewLogRow = typeof reviewLogs.$inferSelect

describe('fit with the database schema', () => {
  it('writes only card_states and review_logs columns', () => {
    const { next, log } = createScheduler(defaultSettings(), { fuzz: false }).rate(null, 'good', Date.UTC(2026, 0, 5))
    const cardColumns = Object.keys(getTableColumns(cardStates))
    const logColumns = Object.keys(getTableColumns(reviewLogs))
    expect(cardColumns).toEqual(expect.arrayContaining(Object.keys(next)))
    expect(logColumns).toEqual(expect.arrayContaining(Object.keys(log)))
    expect(Object.keys(next).sort()).toEqual(
      [
        'due',
        'stability',
        'difficulty',
        'elapsedDays',
        'scheduledDays',
        'learningSteps',
        'reps',
        'lapses',
        'state',
        'lastReview',
      ].sort(),
    )
  })

  it('reads a card_states row as is and gives values a review_logs insert accepts', () => {
    expectTypeOf<CardStateRow>().toExtend<CardMemory>()
    expectTypeOf<CardMemory>().toEqualTypeOf<Pick<CardStateRow, keyof CardMemory>>()
    expectTypeOf<ReviewLogFields>().toExtend<Pick<ReviewLogRow, keyof ReviewLogFields>>()
    expectTypeOf<Pick<ReviewLogRow, keyof ReviewLogFields>>().toExtend<ReviewLogFields>()
  })
})
