import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { insertMarkers } from '../../../src/content/id-markers'
import { compile } from './compile'

/**
 * Obsidian-SR compatibility, card for card (issue 16): the fixture is the examples of its docs
 * and three notes of its test vault (test/fixtures/obsidian-sr/MANIFEST.md), and the expected
 * cards are those its docs and parser (src/parser.ts, default settings) give. Cloze prompts
 * show `[…]` where Obsidian-SR shows `[...]`.
 */
const read = (file: string) => readFileSync(new URL(`../../fixtures/obsidian-sr/${file}`, import.meta.url), 'utf8')
const docs = read('docs-examples.md')
const lineOf = (text: string, start: string) => text.split('\n').findIndex((line) => line.startsWith(start)) + 1

const cards = (text: string, file = 'notes.md') =>
  compile(text, file).cards.map((card) => [card.kind, card.prompt, card.answer, card.tags.join(' ')])

describe('Obsidian-SR notes', () => {
  it('give the cards its docs give, with sub-deck tags as card tags', () => {
    const deckA = 'flashcards/deckA'
    expect(cards(docs)).toEqual([
      ['basic', 'the question goes on this side', 'answer goes here!', ''],
      ['basic', 'info 1', 'info 2', ''],
      ['reverse', 'info 2', 'info 1', ''],
      [
        'basic',
        'As per the definition of "multiline" the prompt can be on multiple lines',
        'same goes for the answer',
        '',
      ],
      ['basic', 'info 1A info 1B info 1C', 'info 2A info 2B', ''],
      ['reverse', 'info 2A info 2B', 'info 1A info 1B info 1C', ''],
      ['cloze', 'The first female prime minister of Australia was […]', 'Julia Gillard', ''],
      ['cloze', 'The first female […] of Australia was Julia Gillard', 'prime minister', ''],
      ['cloze', 'The first female prime minister of Australia was […]', 'Julia Gillard', ''],
      ['cloze', "This […] doesn't need to have number on clozes", 'note', ''],
      ['cloze', "This note doesn't need to have [hint] on clozes", 'number', ''],
      [
        'cloze',
        'This is a [a hint]. This is too, but without hint. And this one is asked […].',
        'cloze; together with the first cloze',
        '',
      ],
      [
        'cloze',
        'This is a cloze. This is […]. And this one is asked together with the first cloze.',
        'too, but without hint',
        '',
      ],
      ['cloze', 'Brazilians speak [language]', 'Portuguese', ''],
      ['cloze', 'This note has both […] and anki like clozes', 'highlighted clozes', ''],
      ['cloze', 'This note has both highlighted clozes and […]', 'anki like clozes', ''],
      ['basic', 'Question1 (in deckA)', 'Answer1', deckA],
      ['basic', 'Question2 (also in deckA)', 'Answer2', deckA],
      ['basic', 'Question3 (also in deckA)', 'Answer3', deckA],
      ['basic', 'Question4 (in deckB)', 'Answer4', 'flashcards/deckB'],
      ['basic', 'Question5 (also in deckB)', 'Answer5', 'flashcards/deckB'],
      ['basic', 'Question6 (in deckC)', 'Answer6', 'flashcards/deckC'],
      [
        'basic',
        'A group of cats is called a',
        'clowder',
        'flashcards/language/words flashcards/trivia flashcards/learned-from-tv',
      ],
      ['basic', 'Question1 (in deckA)', 'Answer1', deckA],
      // A tag opening a card's line is that card's alone: Question6 stays in deckA.
      ['basic', 'Question4 (in deckB)', 'Answer4', 'flashcards/deckB'],
      ['basic', 'Question6 (in deckA)', 'Answer6', deckA],
      // `?`, a blank line, then the answer down to the `+++` end marker (cards-with-blank-lines.md).
      [
        'basic',
        'Which file lists the media types?',
        'media typewhatapplication/vnd.oci.image.manifest.v1+jsona manifest',
        deckA,
      ],
      ['basic', 'Which daemon does the docker CLI talk to?', 'dockerd', deckA],
    ])
  })

  it('give the cards its test vault gives', () => {
    expect(cards(read('vault/Triboelectric Effect.md'), 'Triboelectric Effect.md')).toEqual([
      [
        'basic',
        'What is the phenomenon called when electric charge is transferred between two objects when they contact or slide against each other',
        'Triboelectric effect',
        'flashcards/science/physics',
      ],
    ])
    // Its `{{question}}` clozes need a custom pattern; under the default settings: no card.
    expect(cards(read('vault/notes6-A.md'))).toEqual([])
    // Not tagged #flashcards: Obsidian-SR makes no card of `question::A`, and neither do we.
    expect(cards(read('vault/notes7-A.md'))).toEqual([])
  })

  it('warns, with the line number, about a line that looks like a card but is not one', () => {
    const vault = read('vault/notes7-A.md')
    const warnings = (text: string) =>
      compile(text)
        .diagnostics.filter((d) => d.code === 'card-not-parsed')
        .map((d) => d.line)
    expect(warnings(vault)).toEqual([lineOf(vault, 'question::A')])
    expect(warnings(docs)).toEqual([])
    const mixed = '#flashcards\n\nWhich daemon?::dockerd\nstd::vector\nWhich runtime?::runc\n'
    expect(warnings(mixed)).toEqual([4])
    expect(cards(mixed).map((card) => card[1])).toEqual(['Which daemon?', 'Which runtime?'])
  })

  it('keeps its <!--SR:…--> scheduling comments intact when id markers are written', () => {
    const { markerSlots } = compile(docs)
    const marked = insertMarkers(docs, markerSlots)
    expect(marked).toContain('\n<!--SR:!2026-08-16,51,230-->\n')
    expect(marked.replace(/ ?<!-- card: [0-9a-f]{12} -->/g, '')).toBe(docs)
  })

  it('makes no tight `Q::A` card in a note without the #flashcards tag', () => {
    expect(compile('Which daemon?::dockerd\n').cards).toEqual([])
  })
})
