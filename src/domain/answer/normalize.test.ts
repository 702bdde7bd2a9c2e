import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanAnswer, normalizeAnswer } from './normalize'

/** Fixed seed: the same cases on every run; change it to explore others. */
const runs = { seed: 20250301, numRuns: 200 }

describe('normalizeAnswer', () => {
  it.each([
    ['ignores letter case by default', 'Docker Swarm', 'docker swarm'],
    ['collapses and trims whitespace', '  docker \t image\n ls  ', 'docker image ls'],
    ['strips a leading shell prompt', '$ docker ps', 'docker ps'],
    ['drops a final period glued to a word', 'A read-only template.', 'a read-only template'],
    ['drops other final punctuation', 'Overlay networks!?', 'overlay networks'],
    ['keeps a free-standing final dot, the build context', 'docker build -t app .', 'docker build -t app .'],
    ['keeps a dollar sign that is not a prompt', 'echo $HOME', 'echo $home'],
    ['straightens curly single quotes', '‘nginx’ isn’t', "'nginx' isn't"],
    ['straightens curly double quotes', '“{{.ID}}”', '"{{.id}}"'],
    ['drops Markdown backticks', '`docker ps -a`', 'docker ps -a'],
    ['applies NFKC, turning a no-break space into a space', 'docker\u00a0ps', 'docker ps'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeAnswer(input)).toBe(expected)
  })

  it('keeps letter case when asked to, so -d and -D stay different flags', () => {
    expect(normalizeAnswer('docker run -D', { caseSensitive: true })).toBe('docker run -D')
    expect(normalizeAnswer('docker run -D', { caseSensitive: true })).not.toBe(
      normalizeAnswer('docker run -d', { caseSensitive: true }),
    )
  })

  it('gives the same key when applied twice', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (text, caseSensitive) => {
        const once = normalizeAnswer(text, { caseSensitive })
        expect(normalizeAnswer(once, { caseSensitive })).toBe(once)
      }),
      runs,
    )
  })

  it('never leaves doubled, leading or trailing whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\n', '.', '$', '`') }), (text) => {
        const cleaned = cleanAnswer(text)
        expect(cleaned).toBe(cleaned.trim())
        expect(cleaned).not.toMatch(/\s\s|[\t\n]/)
      }),
      runs,
    )
  })
})
