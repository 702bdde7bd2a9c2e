import { type DayGrid, dayAt } from './days'

export interface RetentionWindow {
  /** First study day of the window. */
  from: string
  passed: number
  failed: number
  /** Passed share of first-of-the-day review answers, or null when there were none. */
  rate: number | null
}

const rateOf = (passed: number, failed: number) => (passed + failed === 0 ? null : passed / (passed + failed))

/** True retention over the `days` study days ending with `today`. */
export function retentionWindow(
  grid: DayGrid,
  passed: readonly number[],
  failed: readonly number[],
  today: number,
  days: number,
): RetentionWindow {
  const from = today - days + 1
  let p = 0
  let f = 0
  for (let day = Math.max(0, from); day <= today; day++) {
    p += passed[day] ?? 0
    f += failed[day] ?? 0
  }
  return { from: dayAt(grid, from), passed: p, failed: f, rate: rateOf(p, f) }
}

/** True retention per week, oldest first: `weeks` blocks of seven days, the last ending today. */
export function weeklyRetention(
  grid: DayGrid,
  passed: readonly number[],
  failed: readonly number[],
  today: number,
  weeks: number,
): RetentionWindow[] {
  return Array.from({ length: weeks }, (_, w) => {
    const end = today - 7 * (weeks - 1 - w)
    return retentionWindow(grid, passed, failed, end, 7)
  })
}
