import { describe, expect, it } from 'vitest'
import { compileDeck } from '../../../src/content/compile-deck'
import { derivedId } from '../../../src/content/ids'
import { compile } from './compile'

const deckOf = (files: Record<string, string>) =>
  compileDeck({ slug: 'test', files: Object.entries(files).map(([file, text]) => ({ file, text })), strict: false })
const ids = (markdown: string, file = 'notes.md') => compile(markdown, file).cards.map((card) => card.id)

describe('card identity', () => {
  it('takes the id from a marker at the end of the first line, with -r and -c suffixes', () => {
    const md = [
      '## Ports',
      '',
      'Port of the daemon socket ::: 2375 <!-- card: 0123456789ab -->',
      '',
      'The default registry is ==Docker Hub==. <!-- card: ba9876543210 -->',
    ].join('\n')
    const deck = compile(md)
    expect(deck.cards.map((card) => [card.id, card.marked])).toEqual([
      ['0123456789ab', true],
      ['0123456789ab-r', true],
      ['ba9876543210-c1', true],
    ])
    expect(deck.cards.some((card) => card.promptHtml.includes('card:') || card.answerHtml.includes('<!--'))).toBe(false)
  })

  it('derives the id from deck, heading path and term: 12 hex digits, the same on every run', () => {
    const md = '## Components\n\n**runc**: the OCI runtime\n'
    const id = derivedId('test', ['Components'], ['term', 'runc'])
    expect(ids(md)).toEqual([id, `${id}-r`])
    expect(ids(md)[0]).toMatch(/^[0-9a-f]{12}$/)
    expect(ids(md)).toEqual(ids(md))
  })

  it('keeps a derived id when the answer, the file name or the case of the term changes', () => {
    const before = ids('## Components\n\n**runc**: the OCI runtime\n', 'a.md')
    expect(ids('## Components\n\n**runc**: the reference OCI runtime, written in Go\n', 'a.md')).toEqual(before)
    expect(ids('## Components\n\n**runc**: the OCI runtime\n', 'renamed.md')).toEqual(before)
    expect(ids('## components\n\n**RunC**: the OCI runtime\n', 'a.md')).toEqual(before)
  })

  it('keeps derived ids for a section moved to another file under the same heading path', () => {
    const section = '## Components\n\n**runc**: the OCI runtime\n\nDefault runtime? :: runc\n'
    const before = deckOf({
      'a.md': `# Engine\n\n${section}`,
      'b.md': '# Images\n\n## Layers\n\n**layer**: a filesystem diff\n',
    })
    const after = deckOf({
      'a.md': '# Engine\n',
      'b.md': `# Images\n\n## Layers\n\n**layer**: a filesystem diff\n\n${section}`,
    })
    const idsOf = (deck: typeof before) => deck.cards.map((card) => card.id).sort()
    expect(idsOf(after)).toEqual(idsOf(before))
  })

  it('gives a new derived id when the term, the question or the heading is reworded', () => {
    const before = ids('## Components\n\n**runc**: the OCI runtime\n\nDefault runtime? :: runc\n')
    const after = ids('## Parts\n\n**runc**: the OCI runtime\n\nThe default runtime? :: runc\n')
    expect(after.filter((id) => before.includes(id))).toEqual([])
  })

  it('tells apart two blocks that would derive the same id', () => {
    const deck = compile('## Syntax\n\n- `docker`: the main command\n\nExample:\n\n- `docker`: the CLI binary\n')
    const basics = deck.cards.filter((card) => card.kind === 'basic')
    expect(new Set(basics.map((card) => card.id)).size).toBe(2)
    expect(deck.diagnostics.map((item) => item.code)).toEqual(['duplicate-prompt'])
  })

  it('reports a marker used twice as an error and drops the second card', () => {
    const deck = deckOf({
      'a.md': 'First? :: one <!-- card: 0123456789ab -->\n',
      'b.md': 'Second? :: two <!-- card: 0123456789ab -->\n',
    })
    expect(deck.cards.map((card) => card.prompt)).toEqual(['First?'])
    expect(deck.diagnostics).toEqual([
      {
        severity: 'error',
        file: 'b.md',
        line: 1,
        code: 'duplicate-id',
        message: 'id 0123456789ab is also used at a.md:1: no card from here',
      },
    ])
  })

  it('never derives an id that a marker elsewhere already holds', () => {
    const taken = derivedId('test', [], ['qa', 'Second?'])
    const deck = deckOf({ 'a.md': `First? :: one <!-- card: ${taken} -->\n`, 'b.md': 'Second? :: two\n' })
    expect(deck.cards.map((card) => card.id)).toEqual([taken, derivedId('test', [], ['qa', 'Second?'], 2)])
  })

  it('leaves the file title out of the id so sections can move between files', () => {
    expect(ids('# Engine\n\n## Parts\n\n**runc**: the runtime\n')).toEqual(
      ids('# Other title\n\n## Parts\n\n**runc**: the runtime\n'),
    )
  })

  it('makes no card from a line ending in <!-- nocard --> or a wrapped block', () => {
    const md = [
      'Kept? :: yes',
      '',
      'Skipped? :: no <!-- nocard -->',
      '',
      '<!-- nocard -->',
      '- **hidden**: not a card',
      '- **hidden too**: not a card',
      '<!-- /nocard -->',
      '',
      'Also kept? :: yes',
    ].join('\n')
    expect(compile(md).cards.map((card) => card.prompt)).toEqual(['Kept?', 'Also kept?'])
  })

  it('warns about a marker that is not on a card line', () => {
    const deck = compile('Just prose. <!-- card: 0123456789ab -->\n')
    expect(deck.diagnostics.map((item) => [item.code, item.line])).toEqual([['orphan-marker', 1]])
  })
})
