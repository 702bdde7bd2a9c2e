import { normalizeAnswer } from '../answer/normalize'

/** Answers at least this similar (Dice on character bigrams) are too close to be told apart. */
export const nearEqualDice = 0.8

/** Sørensen–Dice coefficient on character bigrams of two already-normalised strings. */
export function dice(a: string, b: string): number {
  if (a === b) return 1
  if (a.length < 2 || b.length < 2) return 0
  const counts = new Map<string, number>()
  for (let i = 0; i < a.length - 1; i++) {
    const gram = a.slice(i, i + 2)
    counts.set(gram, (counts.get(gram) ?? 0) + 1)
  }
  let shared = 0
  for (let i = 0; i < b.length - 1; i++) {
    const gram = b.slice(i, i + 2)
    const left = counts.get(gram) ?? 0
    if (left > 0) {
      counts.set(gram, left - 1)
      shared++
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1)
}

/**
 * Whether two answers could be mistaken for one another: equal after normalisation,
 * one containing the other as whole words (`docker ps` inside `docker ps -a`), or Dice ≥ 0.8.
 * Whole-word containment keeps `run` a fair distractor for `prune`.
 */
export function nearEqual(a: string, b: string): boolean {
  const x = normalizeAnswer(a)
  const y = normalizeAnswer(b)
  if (x === y) return true
  if (!x || !y) return true
  if (` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `)) return true
  return dice(x, y) >= nearEqualDice
}

/** Number of words, the measure of an answer's shape. */
export function wordCount(text: string): number {
  const trimmed = text.trim()
  return trimmed ? trimmed.split(/\s+/).length : 0
}

/**
 * How different two answers are in shape: |ln| of the ratio of their lengths, in words plus one,
 * so a one-word term and a forty-word definition are far apart (ln 20.5 ≈ 3) and two short
 * terms are close.
 */
export function shapeDistance(a: string, b: string): number {
  return Math.abs(Math.log((wordCount(a) + 1) / (wordCount(b) + 1)))
}

/** Shapes up to three times apart (in words plus one) count as similar. */
export const similarShape = Math.log(3)
