export type DiffOp = 'same' | 'add' | 'del'

/** One run of the diff. `del` is in the expected answer only, `add` in the typed one only. */
export interface DiffPart {
  op: DiffOp
  text: string
}

/** Above this many table cells the diff is not computed token by token (see {@link diffTokens}). */
export const maxDiffCells = 250_000

/**
 * Longest-common-subsequence diff of two token lists, tokens equal when their `key`s are.
 * Classic O(n·m) table; callers cap the input (500 characters gives at most 250,000 cells).
 * Replacements come out as `del` then `add`; neighbouring parts with the same op are merged.
 * Text of `same` parts is taken from `expected`. `separator` goes between tokens (a space for
 * words), so concatenating `same` and `del` texts rebuilds the expected answer.
 */
export function diffTokens(
  expected: readonly string[],
  typed: readonly string[],
  key: (token: string) => string,
  separator = '',
): DiffPart[] {
  const n = expected.length
  const m = typed.length
  if (n * m > maxDiffCells) return coarse(expected.join(separator), typed.join(separator))
  const a = expected.map(key)
  const b = typed.map(key)
  // lcs[i * (m + 1) + j] = LCS length of a[i..] and b[j..]
  const width = m + 1
  const lcs = new Uint32Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0)
    }
  }
  const steps: Array<[DiffOp, string]> = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      steps.push(['same', expected[i++] ?? ''])
      j++
    } else if (j >= m || (i < n && (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))) {
      steps.push(['del', expected[i++] ?? ''])
    } else {
      steps.push(['add', typed[j++] ?? ''])
    }
  }
  return join(steps, separator)
}

/**
 * Turns token steps into parts, putting `separator` between neighbouring tokens of each side.
 * A separator that only one side has (before a shared token that starts the other side) is
 * its own `del` or `add`, so both answers can be rebuilt exactly.
 */
function join(steps: ReadonlyArray<[DiffOp, string]>, separator: string): DiffPart[] {
  const parts: DiffPart[] = []
  let inExpected = false
  let inTyped = false
  for (const [op, token] of steps) {
    const sepExpected = op !== 'add' && inExpected
    const sepTyped = op !== 'del' && inTyped
    if (op === 'same' && sepExpected !== sepTyped) push(parts, sepExpected ? 'del' : 'add', separator)
    push(parts, op, (op === 'same' ? sepExpected && sepTyped : sepExpected || sepTyped) ? separator + token : token)
    if (op !== 'add') inExpected = true
    if (op !== 'del') inTyped = true
  }
  return parts
}

/** The whole expected answer deleted and the whole typed one added. */
export function coarse(expected: string, typed: string): DiffPart[] {
  const parts: DiffPart[] = []
  if (expected === typed) {
    if (expected) parts.push({ op: 'same', text: expected })
    return parts
  }
  if (expected) parts.push({ op: 'del', text: expected })
  if (typed) parts.push({ op: 'add', text: typed })
  return parts
}

function push(parts: DiffPart[], op: DiffOp, text: string): void {
  const last = parts[parts.length - 1]
  if (last && last.op === op) last.text += text
  else parts.push({ op, text })
}
