import { type DayGrid, dayCount, dayIndexOf } from './days'

/** The user's answers on one study day of the grid, summed by SQL. */
export interface DayActivity {
  /** Index of the day in the grid. */
  day: number
  reviews: number
  again: number
  timeMs: number
  /** First answers to new cards in the review flow, as the daily new-card limit counts them. */
  introduced: number
  /** Answers in the review flow to cards in review state, as the daily review limit counts them. */
  reviewAnswers: number
  /** First-of-the-day answers to review cards, passed (hard/good/easy) and failed (again). */
  passed: number
  failed: number
  /** The earliest time a card answered that day had fell due, or null (only new cards). */
  earliestDue: number | null
}

type Totals = Exclude<keyof DayActivity, 'day' | 'earliestDue'>
const totals: Totals[] = ['reviews', 'again', 'timeMs', 'introduced', 'reviewAnswers', 'passed', 'failed']

export type DailyActivity = Record<Totals, number[]> & {
  /** Days that ended with a due card not done, as +1/-1 marks (prefix sums give the count). */
  overdueMarks: number[]
}

const clamp = (grid: DayGrid, index: number) => Math.min(Math.max(index, 0), dayCount(grid))

/** Marks the days from the one `due` falls on up to, not including, the day of `done`. */
export function markOverdue(grid: DayGrid, marks: number[], due: number, done: number): void {
  const from = clamp(grid, dayIndexOf(grid, due))
  const to = clamp(grid, dayIndexOf(grid, done))
  if (from >= to) return
  marks[from] = (marks[from] ?? 0) + 1
  marks[to] = (marks[to] ?? 0) - 1
}

/**
 * Lays the days out as arrays over the grid. A card answered on a later day than it fell due
 * left every day from its due day to the day before unfinished: only the day's earliest due
 * time matters, since the ranges of the others end on the same day and start no earlier.
 */
export function foldActivity(grid: DayGrid, days: readonly DayActivity[]): DailyActivity {
  const n = dayCount(grid)
  const daily = Object.fromEntries(totals.map((key) => [key, new Array<number>(n).fill(0)])) as DailyActivity
  daily.overdueMarks = new Array<number>(n + 1).fill(0)
  for (const day of days) {
    if (day.day < 0 || day.day >= n) continue
    for (const key of totals) daily[key][day.day] = day[key]
    const start = grid.starts[day.day] as number
    if (day.earliestDue !== null && day.earliestDue < start)
      markOverdue(grid, daily.overdueMarks, day.earliestDue, start)
  }
  return daily
}

/** Which days ended with a due card left undone, from the marks. */
export function overdueDays(marks: readonly number[]): boolean[] {
  let open = 0
  return marks.slice(0, -1).map((mark) => {
    open += mark
    return open > 0
  })
}
