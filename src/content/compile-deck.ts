import type { Blueprint } from '../domain/exam/blueprint'
import { compileFile, type FileResult } from './compile-file'
import type { Block, CardDraft } from './draft'
import { pathTopic } from './folder'
import { assignIds } from './ids'
import { lazy } from './lazy'
import { textNode } from './phrasing'
import { renderHtml } from './render'
import { fileSlug } from './slug'
import { humanize, normalize, plainText, wordCount } from './text'
import type { CompiledCard, CompiledDeck, Diagnostic, MarkerSlot } from './types'

export interface DeckInput {
  slug: string
  title?: string
  description?: string
  /** The exam blueprint from `deck.yaml`, carried through to the database as is. */
  blueprint?: Blueprint
  /** `file` is relative to the deck folder: it becomes `source.file`. */
  files: ReadonlyArray<{ file: string; text: string }>
  /** Deck folder under `content/`: front matter is required. */
  strict: boolean
}

export interface DeckCompilation extends CompiledDeck {
  /** Where `content:ids` writes the markers still missing. */
  markerSlots: MarkerSlot[]
}

/** Minimum-information rule: an answer longer than this is probably several cards. */
export const maxAnswerWords = 60

/** Compiles a deck: files in name order, ids deck-wide, HTML rendered, diagnostics sorted. */
export function compileDeck(input: DeckInput): DeckCompilation {
  const files = [...input.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  const results = files.map(({ file, text }) => compileFile(file, text, { deck: input.slug, strict: input.strict }))
  const diagnostics = results.flatMap((result) => result.diagnostics)
  checkTopics(results, diagnostics)
  const blocks = uniqueBlocks(results)
  const dropped = assignIds(input.slug, blocks, diagnostics)
  const cards: CompiledCard[] = []
  const prompts = new Map<string, string>()
  const ids = new Set<string>()
  const kept = results.flatMap((result) =>
    result.drafts.filter((draft) => !dropped.has(draft.block)).map((draft) => ({ draft, result })),
  )
  // In a deck folder the author hears of a repeated prompt (a warning); other notes are read as found.
  const merged = input.strict ? new Set<CardDraft>() : separatePrompts(kept)
  for (const result of results) {
    for (const draft of result.drafts) {
      if (dropped.has(draft.block) || merged.has(draft)) continue
      const card = toCard(draft, result, input.slug)
      if (ids.has(card.id)) continue
      ids.add(card.id)
      check(card, prompts, diagnostics)
      cards.push(card)
    }
  }
  const markerSlots: MarkerSlot[] = blocks
    .filter(({ block }) => !block.marker && !block.unmarkable && !dropped.has(block))
    .map(({ file, block }) => ({ file, line: block.anchorLine, at: block.at, id: block.id ?? '' }))
  for (const result of results) orphanMarkers(result, blocks, diagnostics)
  diagnostics.sort(byPlace)
  return {
    slug: input.slug,
    title: input.title ?? humanize(input.slug),
    description: input.description ?? '',
    ...(input.blueprint ? { blueprint: input.blueprint } : {}),
    topics: results.map((result) => result.topic),
    cards,
    diagnostics,
    markerSlots,
  }
}

/** File, then line, errors before warnings. */
export function byPlace(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1
  return a.line - b.line || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)
}

function uniqueBlocks(results: readonly FileResult[]): Array<{ file: string; block: Block }> {
  const seen = new Set<Block>()
  const blocks: Array<{ file: string; block: Block }> = []
  for (const result of results) {
    for (const { block } of result.drafts) {
      if (seen.has(block)) continue
      seen.add(block)
      blocks.push({ file: result.file, block })
    }
  }
  return blocks
}

function toCard(draft: CardDraft, result: FileResult, deck: string): CompiledCard {
  const { section } = draft.block
  const card: CompiledCard = {
    id: `${draft.block.id}${draft.suffix}`,
    deck,
    topic: result.topic.slug,
    kind: draft.kind,
    tags: draft.tags,
    prompt: plainText(draft.prompt),
    answer: plainText(draft.answer),
    promptHtml: '',
    answerHtml: '',
    source: { file: result.file, line: draft.line, headings: section.headings, anchor: section.anchor },
    group: [`${deck}/${result.topic.slug}`, ...section.headings].join(' › '),
    marked: draft.block.marker !== undefined,
    note: draft.block.id ?? '',
  }
  lazy(card, 'promptHtml', () => renderHtml(draft.prompt))
  return lazy(card, 'answerHtml', () => renderHtml(draft.answer))
}

function check(card: CompiledCard, prompts: Map<string, string>, diagnostics: Diagnostic[]): void {
  const at = { file: card.source.file, line: card.source.line }
  const words = wordCount(card.answer)
  if (words > maxAnswerWords) {
    diagnostics.push({
      severity: 'warning',
      ...at,
      code: 'long-answer',
      message: `answer has ${words} words (over ${maxAnswerWords}): split it into smaller cards`,
    })
  }
  const prompt = normalize(card.prompt)
  const first = prompts.get(prompt)
  if (first)
    diagnostics.push({
      severity: 'warning',
      ...at,
      code: 'duplicate-prompt',
      message: `same prompt as ${first}: “${card.prompt}”`,
    })
  else prompts.set(prompt, `${at.file}:${at.line}`)
}

/**
 * Cards that ask the same: one asking the same and answering the same is merged into the first;
 * "which term?" cards that several terms answer are dropped (no one answer is right); any other
 * takes the innermost heading (or the topic's title) that tells it from the others. What still
 * reads the same, and cards the author wrote, are left to the `duplicate-prompt` warning.
 * Returns the drafts merged away.
 */
function separatePrompts(drafts: ReadonlyArray<{ draft: CardDraft; result: FileResult }>): Set<CardDraft> {
  const gone = new Set<CardDraft>()
  const groups = new Map<string, Array<{ draft: CardDraft; result: FileResult }>>()
  for (const entry of drafts) {
    const key = normalize(plainText(entry.draft.prompt))
    groups.set(key, [...(groups.get(key) ?? []), entry])
  }
  for (const group of groups.values()) {
    // Cards the author wrote (`Q :: A`, clozes) are the author's to tell apart.
    if (group.length < 2 || group.some(({ draft }) => ['qa', 'cloze'].includes(draft.block.key[0] ?? ''))) continue
    const answers = new Set(group.map(({ draft }) => normalize(plainText(draft.answer))))
    if (answers.size === 1) {
      for (const { draft } of group.slice(1)) gone.add(draft)
      continue
    }
    if (group.every(({ draft }) => draft.kind === 'reverse')) {
      for (const { draft } of group) gone.add(draft)
      continue
    }
    const options = group.map(({ draft, result }) => {
      const prompt = normalize(plainText(draft.prompt))
      const contexts = [...draft.block.section.headings].reverse().concat(topicNames(result))
      return contexts.filter((text) => text !== '' && !prompt.includes(normalize(text)))
    })
    group.forEach(({ draft }, index) => {
      const others = options.filter((_, other) => other !== index)
      const context = options[index]?.find((text) => others.every((list) => !list.includes(text)))
      const inline = draft.prompt.every((node) => !['paragraph', 'list', 'code', 'table'].includes(node.type))
      if (context && inline) draft.prompt = [textNode(`${context} › `), ...draft.prompt]
    })
  }
  return gone
}

/**
 * A note's names, shortest first: its title, then its file name (a topic named after the note's
 * path is shortened to it), then its whole topic, folders included, for two files of one name.
 */
function topicNames({ topic, file }: FileResult): string[] {
  const name = topic.slug === pathTopic(file) ? fileSlug(file.split('/').pop() ?? file) : topic.slug
  return [...new Set([topic.title, humanize(name), humanize(topic.slug)])]
}

function checkTopics(results: readonly FileResult[], diagnostics: Diagnostic[]): void {
  const files = new Map<string, string>()
  for (const { topic, file } of results) {
    const other = files.get(topic.slug)
    if (other)
      diagnostics.push({
        severity: 'error',
        file,
        line: 1,
        code: 'duplicate-topic',
        message: `topic \`${topic.slug}\` is also used by ${other}`,
      })
    else files.set(topic.slug, file)
  }
}

/** A marker on a line that makes no card: the card it named now gets a new id. */
function orphanMarkers(
  result: FileResult,
  blocks: ReadonlyArray<{ file: string; block: Block }>,
  diagnostics: Diagnostic[],
): void {
  const owned = new Set(
    blocks.filter(({ file, block }) => file === result.file && block.marker).map(({ block }) => block.anchorLine),
  )
  for (const [line, id] of result.annotations.markers) {
    if (owned.has(line)) continue
    diagnostics.push({
      severity: 'warning',
      file: result.file,
      line,
      code: 'orphan-marker',
      message: `id marker ${id} is not on a card's first line: that card's history stays with the retired id`,
    })
  }
}
