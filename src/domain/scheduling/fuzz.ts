/**
 * Anki's interval fuzz, exactly. ts-fsrs 5.4.2 fuzzes around the interval after rounding it, and
 * orders hard/good/easy before fuzzing, so about 5% of its fuzzed intervals fall one day outside
 * Anki's window. Here ts-fsrs runs without fuzz and the spread is applied as Anki does it.
 *
 * @see https://github.com/ankitects/anki/blob/main/rslib/src/scheduler/states/fuzz.rs
 * @see https://github.com/ankitects/anki/blob/main/rslib/src/scheduler/states/review.rs passing_fsrs_review_intervals
 */

const FUZZ_RANGES = [
  { start: 2.5, end: 7, factor: 0.15 },
  { start: 7, end: 20, factor: 0.1 },
  { start: 20, end: Number.MAX_VALUE, factor: 0.05 },
]

function fuzzDelta(interval: number): number {
  if (interval < 2.5) return 0
  return FUZZ_RANGES.reduce(
    (delta, range) => delta + range.factor * Math.max(Math.min(interval, range.end) - range.start, 0),
    1,
  )
}

/** The days an interval may be fuzzed to, within `[minimum, maximum]`. */
export function fuzzBounds(interval: number, minimum: number, maximum: number): [number, number] {
  const min = Math.min(minimum, maximum)
  const ivl = Math.min(Math.max(interval, min), maximum)
  const delta = fuzzDelta(ivl)
  const lower = Math.min(Math.max(Math.round(ivl - delta), min), maximum)
  let upper = Math.min(Math.max(Math.round(ivl + delta), min), maximum)
  if (upper === lower && upper > 2 && upper < maximum) upper = lower + 1
  return [lower, upper]
}

/** An interval in whole days: fuzzed by `fuzzFactor` (0..1), or just rounded when it is null. */
export function reviewInterval(interval: number, minimum: number, maximum: number, fuzzFactor: number | null): number {
  const min = Math.max(1, minimum)
  if (fuzzFactor === null) return Math.min(Math.max(Math.round(interval), min), maximum)
  const [lower, upper] = fuzzBounds(interval, min, maximum)
  return Math.floor(lower + fuzzFactor * (1 + upper - lower))
}

/** Hard, good and easy after a passing review: each above the one before, as Anki orders them. */
export function passingIntervals(
  unrounded: { hard: number; good: number; easy: number },
  maximum: number,
  fuzzFactor: number | null,
): { hard: number; good: number; easy: number } {
  const hard = reviewInterval(unrounded.hard, 1, maximum, fuzzFactor)
  const good = reviewInterval(unrounded.good, hard + 1, maximum, fuzzFactor)
  const easy = reviewInterval(unrounded.easy, good + 1, maximum, fuzzFactor)
  return { hard, good, easy }
}

/**
 * A fuzz factor in [0, 1) fixed by the card's state before the answer, so the interval the review
 * page previews is the one the answer then gives (Anki seeds it by card id and reps likewise).
 */
export function fuzzFactorFor(card: {
  reps: number
  lastReview: number | null
  stability: number
  difficulty: number
}): number {
  let h = 2166136261
  for (const part of [card.reps, card.lastReview, card.stability, card.difficulty]) {
    for (const ch of String(part)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619)
  }
  h ^= h >>> 13
  h = Math.imul(h, 0x5bd1e995)
  h ^= h >>> 15
  return (h >>> 0) / 4294967296
}
