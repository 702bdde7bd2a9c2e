import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addStudyDays, studyDayOf, studyDayStart } from '../scheduling'
import { dayAt, dayCount, dayGrid, dayIndexOf } from './days'

const zones = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe', // 30-minute DST
  'Asia/Kathmandu', // +05:45
  'America/Santiago', // clocks change at midnight
  'Pacific/Apia', // skipped 30 December 2011 altogether
]

describe('the day grid', () => {
  it.each(zones)('starts every day exactly where studyDayStart does in %s', (zone) => {
    for (const dayStartsAt of [0, 4, 23]) {
      const grid = dayGrid('2011-06-01', '2012-06-30', zone, dayStartsAt)
      expect(dayCount(grid)).toBe(396)
      const expected = Array.from({ length: 397 }, (_, i) =>
        studyDayStart(addStudyDays('2011-06-01', i), zone, dayStartsAt),
      )
      expect(grid.starts).toEqual(expected)
    }
  })

  it('finds the same study day for an instant as studyDayOf', () => {
    const grid = dayGrid('2025-01-01', '2026-12-31', 'America/New_York', 4)
    const from = grid.starts[0] as number
    const to = grid.starts.at(-1) as number
    fc.assert(
      fc.property(fc.integer({ min: from, max: to - 1 }), (instant) => {
        expect(dayAt(grid, dayIndexOf(grid, instant))).toBe(studyDayOf(instant, 'America/New_York', 4))
      }),
      { numRuns: 2000 },
    )
  })

  it('puts instants before the grid at -1 and after it at the day count or more', () => {
    const grid = dayGrid('2026-01-10', '2026-01-12', 'UTC', 4)
    expect(dayIndexOf(grid, Date.parse('2026-01-10T03:59:59.999Z'))).toBe(-1)
    expect(dayIndexOf(grid, Date.parse('2026-01-10T04:00:00Z'))).toBe(0)
    expect(dayIndexOf(grid, Date.parse('2026-01-13T03:59:59.999Z'))).toBe(2)
    expect(dayIndexOf(grid, Date.parse('2026-01-13T04:00:00Z'))).toBeGreaterThanOrEqual(dayCount(grid))
  })
})
