export interface Streak {
  /** Days in the run that reaches today (or yesterday, while today is still open). */
  current: number
  longest: number
}

/**
 * Runs of qualifying days from `firstDay` to `today` (indexes into the same day list). Today
 * extends the run when it already qualifies; otherwise it is still open and breaks nothing.
 */
export function streakOf(qualifies: (day: number) => boolean, firstDay: number, today: number): Streak {
  if (firstDay < 0 || firstDay > today) return { current: 0, longest: 0 }
  let longest = 0
  let run = 0
  for (let day = firstDay; day <= today; day++) {
    if (qualifies(day)) {
      run++
      if (run > longest) longest = run
    } else if (day < today) run = 0
  }
  return { current: run, longest }
}
