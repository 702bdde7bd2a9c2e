import { describe, expect, it } from 'vitest'
import { type DayActivity, foldActivity, overdueDays } from './activity'
import { dayGrid } from './days'

const grid = dayGrid('2026-01-01', '2026-01-10', 'UTC', 4)
const day = (index: number, fields: Partial<DayActivity>): DayActivity => ({
  day: index,
  reviews: 1,
  again: 0,
  timeMs: 0,
  introduced: 0,
  reviewAnswers: 0,
  passed: 0,
  failed: 0,
  earliestDue: null,
  ...fields,
})

describe('daily activity', () => {
  it('lays the days out by index and leaves the others at zero', () => {
    const daily = foldActivity(grid, [day(2, { reviews: 5, again: 1, passed: 3 }), day(4, { reviews: 2 })])
    expect(daily.reviews).toEqual([0, 0, 5, 0, 2, 0, 0, 0, 0, 0])
    expect(daily.passed).toEqual([0, 0, 3, 0, 0, 0, 0, 0, 0, 0])
  })

  it('marks every day from a due card’s due day to the day before it was done', () => {
    // Due on 01-03 at noon, answered on 01-06: 01-03, 01-04 and 01-05 ended with it undone.
    const late = day(5, { earliestDue: Date.parse('2026-01-03T12:00:00Z') })
    // Due at 03:00 on 01-08, which still belongs to study day 01-07: answered the same study day.
    const early = day(6, { earliestDue: Date.parse('2026-01-08T03:00:00Z') })
    const daily = foldActivity(grid, [late, early])
    expect(overdueDays(daily.overdueMarks)).toEqual([false, false, true, true, true, false, false, false, false, false])
  })
})
