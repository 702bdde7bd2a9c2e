import { coarse, type DiffPart, diffTokens } from './diff'
import { dockerCommandKey } from './docker-command'
import { type AnswerOptions, cleanAnswer, normalizeAnswer } from './normalize'

export interface CompareOptions extends AnswerOptions {
  /** Diff granularity: whole words (default, best for commands) or single characters. */
  level?: 'word' | 'char'
  /**
   * The answer is a shell command: `docker …` commands are compared as the Docker CLI reads
   * them (see `dockerCommandKey`), and each line of the expected answer is an accepted
   * alternative (the first is the one shown).
   */
  command?: boolean
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
  const accepted = options.command ? expected.split('\n').filter((line) => line.trim() !== '') : [expected]
  const matched = accepted.find((answer) => matches(typed, answer, options))
  const correct = matched !== undefined
  const shownTyped = cleanAnswer(typed)
  const shownExpected = cleanAnswer(matched ?? accepted[0] ?? expected)
  if (shownTyped.length > maxDiffChars || shownExpected.length > maxDiffChars) {
    return { correct, diff: coarse(shownExpected, shownTyped) }
  }
  const key = options.caseSensitive ? same : folded
  if (options.level === 'char') {
    return { correct, diff: diffTokens(Array.from(shownExpected), Array.from(shownTyped), key) }
  }
  return { correct, diff: diffTokens(words(shownExpected), words(shownTyped), key, ' ') }
}

/**
 * A review card's typed answer against its answer: letter case counts for type-in (CLI) cards.
 * Pure, so the review page runs it where it renders (in the pages Worker too), not over RPC.
 */
export function checkTypedAnswer(card: { kind: string; answer: string }, typed: string): AnswerComparison {
  const command = card.kind === 'typein'
  return compareAnswer(typed, card.answer, { caseSensitive: command, command })
}

function matches(typed: string, expected: string, options: CompareOptions): boolean {
  if (normalizeAnswer(typed, options) === normalizeAnswer(expected, options)) return true
  if (!options.command) return false
  const key = dockerCommandKey(cleanAnswer(expected))
  return key !== undefined && key === dockerCommandKey(cleanAnswer(typed))
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
