import { addStudyDays, type StudyDay, studyDayOf, studyDayStart } from '../scheduling'

const DAY = 86_400_000

/**
 * A run of consecutive study days with the instant each begins, so instants map to days by
 * binary search instead of one `Intl` call each. `starts` has one more entry than there are
 * days: the last is the end (exclusive) of the last day.
 */
export interface DayGrid {
  first: StudyDay
  starts: readonly number[]
  timeZone: string
  dayStartsAt: number
}

/**
 * Builds the grid from `first` to `last` inclusive. Most days start exactly 24 h after the
 * previous one; that guess is confirmed with two cheap look-ups, and only days next to a DST
 * change fall back to the exact (slower) `studyDayStart`.
 */
export function dayGrid(first: StudyDay, last: StudyDay, timeZone: string, dayStartsAt: number): DayGrid {
  const count = Math.max(0, Math.round((Date.parse(last) - Date.parse(first)) / DAY) + 1)
  const starts = [studyDayStart(first, timeZone, dayStartsAt)]
  let previous = first
  for (let i = 1; i <= count; i++) {
    const day = addStudyDays(first, i)
    const guess = (starts[i - 1] as number) + DAY
    const exact =
      studyDayOf(guess, timeZone, dayStartsAt) === day && studyDayOf(guess - 1, timeZone, dayStartsAt) === previous
    starts.push(exact ? guess : studyDayStart(day, timeZone, dayStartsAt))
    previous = day
  }
  return { first, starts, timeZone, dayStartsAt }
}

export const dayCount = (grid: DayGrid) => grid.starts.length - 1

export const dayAt = (grid: DayGrid, index: number): StudyDay => addStudyDays(grid.first, index)

/** Index of the day holding `instant`: below 0 before the grid, `dayCount` or more after it. */
export function dayIndexOf(grid: DayGrid, instant: number): number {
  const { starts } = grid
  if (instant < (starts[0] as number)) return -1
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((starts[mid] as number) <= instant) lo = mid
    else hi = mid - 1
  }
  return lo
}
