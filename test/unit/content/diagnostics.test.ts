import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileDeck } from '../../../src/content/compile-deck'
import { decodeNotes } from '../../../src/content/decode'
import { compile } from './compile'

const strict = (text: string, file = 'architecture.md') =>
  compileDeck({ slug: 'docker', files: [{ file, text }], strict: true })
const codes = (deck: ReturnType<typeof strict>) => deck.diagnostics.map((item) => [item.severity, item.code, item.line])
const front = '---\ndeck: docker\ntopic: architecture\ntitle: Docker Engine architecture\n---\n'

describe('diagnostics', () => {
  it('accepts a deck file with complete front matter and reads its topic', () => {
    const deck = strict(`${front}\nDefault runtime? :: runc\n`)
    expect(deck.diagnostics).toEqual([])
    expect(deck.topics).toEqual([
      {
        deck: 'docker',
        slug: 'architecture',
        title: 'Docker Engine architecture',
        file: 'architecture.md',
        sources: [],
        html: expect.stringContaining('<p>'),
      },
    ])
  })

  it('takes topic and title from the path and heading when front matter lacks them, and refuses a wrong deck', () => {
    const topics = (text: string, file = 'architecture.md') =>
      strict(text, file).topics.map((topic) => [topic.slug, topic.title])
    expect(codes(strict('Default runtime? :: runc\n'))).toEqual([])
    expect(topics('Default runtime? :: runc\n', 'engine/runtime-notes.md')).toEqual([
      ['engine-runtime-notes', 'Runtime notes'],
    ])
    expect(codes(strict('---\ndeck: docker\n---\n# The engine\n\nDefault runtime? :: runc\n'))).toEqual([])
    expect(topics('---\ndeck: docker\n---\n# The engine\n\nDefault runtime? :: runc\n')).toEqual([
      ['architecture', 'The engine'],
    ])
    expect(codes(strict('---\ndeck: kubernetes\ntopic: pods\ntitle: Pods\n---\n'))).toEqual([
      ['error', 'front-matter-deck', 1],
    ])
  })

  it('reports invalid YAML and a topic that is not a slug with the line', () => {
    expect(codes(strict('---\ndeck: docker\ntopic: [unclosed\n---\n'))[0]).toEqual(['error', 'front-matter-invalid', 3])
    expect(codes(strict('---\ndeck: docker\ntopic: Big Topic\ntitle: T\n---\n'))).toContainEqual([
      'error',
      'front-matter-invalid',
      1,
    ])
  })

  it('reports two files claiming one topic', () => {
    const deck = compileDeck({
      slug: 'docker',
      files: [
        { file: 'a.md', text: front },
        { file: 'b.md', text: front },
      ],
      strict: true,
    })
    expect(codes(deck)).toEqual([['error', 'duplicate-topic', 1]])
  })

  it('warns about an answer over 60 words, a repeated prompt and a heading that made no cards', () => {
    const long = Array.from({ length: 61 }, (_, index) => `w${index}`).join(' ')
    const md = `## Long\n\nWhy? :: ${long}\n\nWhy? :: short\n\n## Prose only\n\nJust a paragraph of prose.\n`
    expect(codes(compile(md))).toEqual([
      ['warning', 'long-answer', 3],
      ['warning', 'duplicate-prompt', 5],
      ['warning', 'heading-without-cards', 7],
    ])
  })

  it('names the file and line of binary junk instead of throwing', () => {
    const nul = decodeNotes(new TextEncoder().encode('line one\nline two\u0000\n'), 'junk.md')
    expect('error' in nul && nul.error).toMatchObject({
      severity: 'error',
      file: 'junk.md',
      line: 2,
      code: 'unreadable-file',
    })
    const latin1 = decodeNotes(Uint8Array.from([0x61, 0x0a, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]), 'latin1.md')
    expect('error' in latin1 && latin1.error).toMatchObject({
      line: 3,
      message: 'file is not valid UTF-8 text (byte 0xe9 at offset 6)',
    })
    expect(codes(compile('ok\n\u0000\u0001binary'))).toEqual([['error', 'unreadable-file', 2]])
  })

  it('keeps a byte-order mark out of the text and remembers it', () => {
    const decoded = decodeNotes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]), 'bom.md')
    expect(decoded).toEqual({ text: 'A', bom: true })
  })

  it('warns about an empty file, in a deck folder as anywhere else', () => {
    expect(codes(compile(''))).toEqual([['warning', 'empty-file', 1]])
    expect(codes(strict('  \n'))).toEqual([['warning', 'empty-file', 1]])
  })

  it('compiles malformed Markdown without throwing', () => {
    const md = '## Broken\n\n```sh\nunclosed fence\n\n- **a**: [link](\n> > **b** :: \n|a|b\n|-\n{{c1::x\n==y\n'
    expect(() => compile(md)).not.toThrow()
  })

  it('never throws, whatever the text', () => {
    const alphabet = fc.constantFrom(
      '#',
      '*',
      '-',
      ':',
      '=',
      '{',
      '}',
      '`',
      '>',
      '?',
      '|',
      'v',
      '→',
      ' ',
      '\n',
      'a',
      '1',
      '<!--',
      '-->',
      'card: 0123456789ab',
      'nocard',
      '---',
      '\r\n',
    )
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), (parts) => {
        const deck = compile(parts.join(''))
        expect(deck.cards.every((card) => card.id !== '' && card.prompt !== '')).toBe(true)
      }),
      { seed: 20260101, numRuns: 300 },
    )
  })
})
