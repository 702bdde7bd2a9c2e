import type { Heading, Paragraph, PhrasingContent, RootContent } from 'mdast'
import type { CardKind } from './types'

/** A card side before rendering: inline nodes, or blocks (lists) for longer answers. */
export type Fragment = RootContent[]

/** A heading's section of a file: the blocks up to the next heading of any level. */
export interface Section {
  heading?: Heading
  /** Heading path, outermost first (for display and the card group). */
  headings: string[]
  /** Heading path that goes into derived ids: the file's title heading is left out. */
  idHeadings: string[]
  anchor: string
  line: number
  /** Inline nodes of the innermost heading, or the topic title when there is none. */
  context: PhrasingContent[]
  /** Inline nodes of the parent heading, for heading cards. */
  parent?: PhrasingContent[]
  /** Wider contexts, innermost first: enclosing headings, then the topic title. */
  outer: PhrasingContent[][]
  cards: number
  /** Cards from bold-term lists and enumerations: a heading card would repeat them. */
  termCards: number
  /** Whether an enumeration already took the heading line as its anchor. */
  headingTaken: boolean
}

/** One block of notes: the cards it makes share one id marker (a term and its reverse). */
export interface Block {
  anchorLine: number
  at: 'line-end' | 'fence-info'
  /** Identity apart from deck and heading path: the rule, parent terms, and term or prompt. */
  key: string[]
  section: Section
  /** Set when another block already owns the anchor line: this one keeps a derived id. */
  unmarkable?: boolean
  marker?: string
  id?: string
}

export interface CardDraft {
  block: Block
  kind: CardKind
  /** Appended to the block id: `-r` for a reverse card, `-c1` for cloze number 1. */
  suffix: string
  prompt: Fragment
  answer: Fragment
  tags: string[]
  line: number
  /** Counts as a term card (bold-term lists, enumerations) for the heading-card rule. */
  fromTerms?: boolean
}

/** Where a rule stands: its section, and the terms of enclosing list items. */
export interface Scope {
  section: Section
  /** Inline nodes naming the card's context: the parent term, else the innermost heading. */
  context: PhrasingContent[]
  parentTerms: string[]
  /** Directly in the section, not inside a list item or quote. */
  topLevel: boolean
  /** Inside a schema field's item: its sub-items are notes per platform or value, no terms to recall. */
  inField?: boolean
}

/** What rules call back into while walking a file. */
export interface RuleContext {
  emit(draft: CardDraft): void
  report(line: number, code: string, message: string, severity?: 'error' | 'warning'): void
  /** Blocks another rule has used (a definition taken from below a bold term). */
  consumed: Set<RootContent>
  /** Paragraphs that made a card themselves. */
  cardParagraphs: Set<Paragraph>
  /** The note carries Obsidian-SR's `#flashcards` tag: `Q::A` without spaces is a card. */
  obsidianCards?: boolean
  /**
   * Obsidian-SR's sub-deck tags in force (`#flashcards/deckA` on a line of its own): they apply
   * to every later card of the file until the next such line; set while walking.
   */
  deckTags: string[]
  /** Capitalised words the file uses mid-sentence (`Docker`, `Dockerfile`): kept capitalised. */
  properNouns: ReadonlySet<string>
}

export function lineOf(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 1
}

export function endLineOf(node: { position?: { end: { line: number } } }): number {
  return node.position?.end.line ?? 1
}

export function newBlock(section: Section, anchorLine: number, key: string[], at: Block['at'] = 'line-end'): Block {
  return { anchorLine, at, key, section }
}
