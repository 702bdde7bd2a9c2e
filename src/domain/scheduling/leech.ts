/** The card_states fields leech handling reads and sets. */
export interface LeechFields {
  lapses: number
  leech: boolean
  suspended: boolean
}

/**
 * Whether a lapse count is a leech point: the threshold itself, then every half threshold
 * after it (8, 12, 16… by default), as Anki does, so a card unsuspended and failed again
 * is caught again instead of only once.
 */
export function isLeechLapse(lapses: number, threshold: number): boolean {
  if (lapses < threshold) return false
  const every = Math.max(1, Math.ceil(threshold / 2))
  return (lapses - threshold) % every === 0
}

/**
 * Flags and suspends a card whose review just brought it to a leech point. `lapsesBefore` is
 * the count before the review: only a review that added a lapse can make a leech, so a card
 * the user unsuspended is not suspended again by its next successful answer.
 */
export function applyLeech<T extends LeechFields>(row: T, threshold: number, lapsesBefore: number): T {
  if (row.lapses <= lapsesBefore || !isLeechLapse(row.lapses, threshold)) return row
  return { ...row, leech: true, suspended: true }
}
