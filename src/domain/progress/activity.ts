import { type DayGrid, dayCount, dayIndexOf } from './days'

/**
 * Review logs summed per quarter hour by SQL (every UTC offset in use is a multiple of 15
 * minutes, so a quarter hour never straddles two study days), or one log on its own when SQL
 * could not tell its study day apart from a neighbour's.
 */
export interface ActivityRow {
  /** Start of the quarter hour, epoch ms. */
  bucket: number
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
  /** Set on a single log that needs an exact look at its study day. */
  check?: LogCheck
}

export interface LogCheck {
  reviewedAt: number
  rating: number
  /** The card's previous review, when this is a review-state answer that may not be the day's first. */
  previousReview: number | null
  /** When the card was due, if it was answered on a later study day than that. */
  wasDue: number | null
}

export interface DailyActivity {
  reviews: number[]
  again: number[]
  timeMs: number[]
  introduced: number[]
  reviewAnswers: number[]
  passed: number[]
  failed: number[]
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

/** Adds the rows into per-day totals over the grid; rows outside it are dropped. */
export function foldActivity(grid: DayGrid, rows: readonly ActivityRow[]): DailyActivity {
  const n = dayCount(grid)
  const zeros = () => new Array<number>(n).fill(0)
  const days: DailyActivity = {
    reviews: zeros(),
    again: zeros(),
    timeMs: zeros(),
    introduced: zeros(),
    reviewAnswers: zeros(),
    passed: zeros(),
    failed: zeros(),
    overdueMarks: new Array<number>(n + 1).fill(0),
  }
  const add = (key: Exclude<keyof DailyActivity, 'overdueMarks'>, i: number, value: number) => {
    days[key][i] = (days[key][i] ?? 0) + value
  }
  for (const row of rows) {
    const i = dayIndexOf(grid, row.bucket)
    if (i < 0 || i >= n) continue
    add('reviews', i, row.reviews)
    add('again', i, row.again)
    add('timeMs', i, row.timeMs)
    add('introduced', i, row.introduced)
    add('reviewAnswers', i, row.reviewAnswers)
    add('passed', i, row.passed)
    add('failed', i, row.failed)
    const check = row.check
    if (!check) continue
    if (check.previousReview !== null && dayIndexOf(grid, check.previousReview) < i)
      add(check.rating === 1 ? 'failed' : 'passed', i, 1)
    if (check.wasDue !== null) markOverdue(grid, days.overdueMarks, check.wasDue, check.reviewedAt)
  }
  return days
}

/** Which days ended with a due card left undone, from the marks. */
export function overdueDays(marks: readonly number[]): boolean[] {
  let open = 0
  return marks.slice(0, -1).map((mark) => {
    open += mark
    return open > 0
  })
}
