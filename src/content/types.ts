import type { Blueprint } from '../domain/exam/blueprint'

/** The kinds of card the notes compiler produces. */
export const cardKinds = ['basic', 'reverse', 'cloze', 'enumeration', 'sequence', 'typein'] as const
export type CardKind = (typeof cardKinds)[number]

/** Where a card came from in the user's notes. `file` is relative to the deck folder. */
export interface CardSource {
  file: string
  line: number
  /** Heading path of the section the card sits in, outermost first. */
  headings: string[]
  /** GitHub-style slug of the innermost heading, so the UI can link to the section. */
  anchor: string
}

/** One compiled card. Prompt and answer are rendered once, at compile time, as sanitised HTML. */
export interface CompiledCard {
  /** Stable id: from an id marker in the notes, else derived from deck + heading path + term. */
  id: string
  deck: string
  topic: string
  kind: CardKind
  tags: string[]
  prompt: string
  answer: string
  promptHtml: string
  answerHtml: string
  source: CardSource
  /** Names the siblings (cards under the same heading): used to pick plausible wrong answers. */
  group: string
  /** Whether the id came from a marker written into the notes (`content:ids`). */
  marked: boolean
  /**
   * The block of notes the card came from (its id without the `-r`/`-cN` suffix): cards sharing
   * it are siblings, as the cards of one Anki note are, and the queue keeps them apart.
   */
  note: string
}

export interface CompiledTopic {
  deck: string
  slug: string
  title: string
  file: string
  sources: string[]
  /** The whole note as sanitised HTML, headings carrying the same anchors as `CardSource.anchor`. */
  html: string
}

export interface Diagnostic {
  severity: 'error' | 'warning'
  file: string
  line: number
  message: string
  code: string
}

export interface CompiledDeck {
  slug: string
  title: string
  /** From `deck.yaml`; empty when the deck has none. */
  description?: string
  /** From `deck.yaml`: the exam domains, their weights and topics. */
  blueprint?: Blueprint
  topics: CompiledTopic[]
  cards: CompiledCard[]
  diagnostics: Diagnostic[]
}

/**
 * Where `content:ids` writes the id marker of a card that has none: at the end of `line`
 * (`line-end`), or into the info string of the fenced block opened on `line` (`fence-info`).
 * One slot per block: a term and its reverse share one marker.
 */
export interface MarkerSlot {
  file: string
  line: number
  at: 'line-end' | 'fence-info'
  id: string
}
