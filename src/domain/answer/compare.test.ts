import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareAnswer, maxDiffChars } from './compare'
import type { DiffPart } from './diff'
import { cleanAnswer } from './normalize'

/** Fixed seed: the same cases on every run; change it to explore others. */
const runs = { seed: 20250301, numRuns: 200 }

const join = (diff: DiffPart[], ops: string[]) =>
  diff
    .filter((p) => ops.includes(p.op))
    .map((p) => p.text)
    .join('')

describe('compareAnswer', () => {
  it('marks a wrong-case flag wrong when comparing case-sensitively, as for CLI commands', () => {
    const result = compareAnswer('docker run -D nginx', 'docker run -d nginx', { caseSensitive: true })
    expect(result.correct).toBe(false)
    expect(result.diff).toEqual([
      { op: 'same', text: 'docker run' },
      { op: 'del', text: ' -d' },
      { op: 'add', text: ' -D' },
      { op: 'same', text: ' nginx' },
    ])
  })

  it('accepts any letter case for prose by default', () => {
    const result = compareAnswer('a read-only Template', 'A read-only template.')
    expect(result.correct).toBe(true)
    expect(result.diff).toEqual([{ op: 'same', text: 'A read-only template' }])
  })

  it('accepts a pasted prompt and smart quotes', () => {
    const result = compareAnswer('$ docker ps --format “{{.ID}}”', 'docker ps --format "{{.ID}}"', {
      caseSensitive: true,
    })
    expect(result.correct).toBe(true)
  })

  it('shows a missing build context as deleted', () => {
    const result = compareAnswer('docker build -t app', 'docker build -t app .', { caseSensitive: true })
    expect(result.correct).toBe(false)
    expect(result.diff.at(-1)).toEqual({ op: 'del', text: ' .' })
  })

  it('diffs character by character when asked', () => {
    const result = compareAnswer('overlay', 'overlay2', { level: 'char' })
    expect(result.diff).toEqual([
      { op: 'same', text: 'overlay' },
      { op: 'del', text: '2' },
    ])
  })

  it('still judges answers too long to diff, and diffs them as a whole', () => {
    const long = 'word '.repeat(maxDiffChars / 4)
    const result = compareAnswer(`${long}x`, `${long}y`)
    expect(result.correct).toBe(false)
    expect(result.diff.map((p) => p.op)).toEqual(['del', 'add'])
    expect(compareAnswer(long, long).diff).toEqual([{ op: 'same', text: cleanAnswer(long) }])
  })

  it('rebuilds both cleaned answers from its diff', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '-', 'D', 'd'), maxLength: 40 })
    fc.assert(
      fc.property(text, text, fc.constantFrom('word' as const, 'char' as const), (typed, expected, level) => {
        const { diff } = compareAnswer(typed, expected, { caseSensitive: true, level })
        expect(join(diff, ['same', 'del'])).toBe(cleanAnswer(expected))
        expect(join(diff, ['same', 'add'])).toBe(cleanAnswer(typed))
      }),
      runs,
    )
  })

  it('reports differences exactly when the answer is wrong', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', '`'), maxLength: 20 })
    fc.assert(
      fc.property(text, text, fc.boolean(), (typed, expected, caseSensitive) => {
        const { correct, diff } = compareAnswer(typed, expected, { caseSensitive })
        expect(diff.every((p) => p.op === 'same')).toBe(correct)
      }),
      runs,
    )
  })

  it('keeps the spacing right when the first or last word differs', () => {
    expect(compareAnswer('b', 'a b').diff).toEqual([
      { op: 'del', text: 'a ' },
      { op: 'same', text: 'b' },
    ])
    expect(compareAnswer('d a', 'd').diff).toEqual([
      { op: 'same', text: 'd' },
      { op: 'add', text: ' a' },
    ])
  })

  it('keeps as much in common as a longest common subsequence allows', () => {
    const result = compareAnswer('b c a', 'a b c')
    expect(join(result.diff, ['same']).trim()).toBe('b c')
  })
})
