import { coarse, type DiffPart, diffTokens } from './diff'
import { type AnswerOptions, cleanAnswer, normalizeAnswer } from './normalize'

export interface CompareOptions extends AnswerOptions {
  /** Diff granularity: whole words (default, best for commands) or single characters. */
  level?: 'word' | 'char'
}

export interface AnswerComparison {
  /** Exact equality after {@link normalizeAnswer}. */
  correct: boolean
  /**
   * What to show the learner. Concatenating the `same` and `del` texts gives the cleaned
   * expected answer; `same` and `add` give the cleaned typed answer (up to letter case when
   * comparing case-insensitively, since `same` text comes from the expected answer).
   */
  diff: DiffPart[]
}

/** Longer answers are still judged, but diffed as a whole to keep the LCS table small. */
export const maxDiffChars = 500

/**
 * Checks a typed answer against the expected one.
 *
 * @example compareAnswer('docker run -D nginx', 'docker run -d nginx', { caseSensitive: true })
 * // → correct: false, diff: same 'docker run', del ' -d', add ' -D', same ' nginx'
 */
export function compareAnswer(typed: string, expected: string, options: CompareOptions = {}): AnswerComparison {
  const correct = normalizeAnswer(typed, options) === normalizeAnswer(expected, options)
  const shownTyped = cleanAnswer(typed)
  const shownExpected = cleanAnswer(expected)
  if (shownTyped.length > maxDiffChars || shownExpected.length > maxDiffChars) {
    return { correct, diff: coarse(shownExpected, shownTyped) }
  }
  const key = options.caseSensitive ? same : folded
  if (options.level === 'char') {
    return { correct, diff: diffTokens(Array.from(shownExpected), Array.from(shownTyped), key) }
  }
  return { correct, diff: diffTokens(words(shownExpected), words(shownTyped), key, ' ') }
}

function same(token: string): string {
  return token
}

function folded(token: string): string {
  return token.toLowerCase()
}

/** Cleaned text has single spaces only. */
function words(text: string): string[] {
  return text ? text.split(' ') : []
}
