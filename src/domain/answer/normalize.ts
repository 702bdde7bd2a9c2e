/** How two answers are compared. */
export interface AnswerOptions {
  /**
   * Compare letter case exactly. Off for prose; on for CLI commands, where `-d` and `-D`
   * are different flags (`docker run -d` detaches, `docker run -D` does not exist).
   */
  caseSensitive?: boolean
}

const singleQuotes = /[\u2018\u2019\u201A\u201B\u2032]/g
const doubleQuotes = /[\u201C\u201D\u201E\u201F\u2033]/g
const shellPrompt = /^\$\s+/
/**
 * A final `.`, `!`, `?`, `;`, `:` or `,` glued to a word. A *free-standing* final `.` is kept
 * because it is meaningful in commands: `docker build .` is not `docker build`.
 */
const trailingPunctuation = /(\S)[.!?;:,]+$/

/**
 * Cleans an answer for display and comparison but keeps its letter case: Unicode NFKC,
 * curly quotes made straight (single stays single, double stays double: the shell treats
 * them differently), backticks dropped (Markdown code marks), whitespace collapsed,
 * a leading `$ ` shell prompt and trailing punctuation removed.
 */
export function cleanAnswer(text: string): string {
  const cleaned = text
    .normalize('NFKC')
    .replace(singleQuotes, "'")
    .replace(doubleQuotes, '"')
    .replaceAll('`', '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(shellPrompt, '')
  return cleaned.replace(trailingPunctuation, '$1')
}

/**
 * The comparison key of an answer: {@link cleanAnswer}, lower-cased unless `caseSensitive`.
 * Two answers are equal exactly when their keys are equal; nothing smarter (no flag
 * reordering, no synonyms) so the rule is easy to predict.
 *
 * @example normalizeAnswer('$ Docker  ps -a.') === 'docker ps -a'
 */
export function normalizeAnswer(text: string, options: AnswerOptions = {}): string {
  const cleaned = cleanAnswer(text)
  return options.caseSensitive ? cleaned : cleaned.toLowerCase()
}
