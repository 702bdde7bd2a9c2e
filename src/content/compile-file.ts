import type { Heading, PhrasingContent, Root, RootContent } from 'mdast'
import { type Annotations, collectAnnotations, isOptedOut } from './annotations'
import { findControlCharacter } from './decode'
import type { Block, CardDraft, RuleContext, Section } from './draft'
import { fileTitle, pathTopic } from './folder'
import { readFrontMatter } from './front-matter'
import { lazy } from './lazy'
import { parseMarkdown } from './parse'
import { isDeckTag, textNode, trimPhrasing } from './phrasing'
import { resolveReferences } from './references'
import { renderNote } from './render'
import { headingCards } from './rules/heading'
import { createSlugger } from './slug'
import { plainText } from './text'
import type { CompiledTopic, Diagnostic } from './types'
import { walkBlocks } from './walk'

export interface FileOptions {
  deck: string
  /** A deck folder under `content/`: a front matter `deck:` naming another deck is an error. */
  strict: boolean
}

export interface FileResult {
  file: string
  topic: CompiledTopic
  drafts: CardDraft[]
  diagnostics: Diagnostic[]
  annotations: Annotations
}

/** Compiles one Markdown file to card drafts (ids are assigned deck-wide by `compileDeck`). */
export function compileFile(file: string, text: string, options: FileOptions): FileResult {
  const diagnostics: Diagnostic[] = []
  const report = (line: number, code: string, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ severity, file, line, code, message })
  const result: FileResult = {
    file,
    topic: { deck: options.deck, slug: pathTopic(file), title: fileTitle(file), file, sources: [], html: '' },
    drafts: [],
    diagnostics,
    annotations: { markers: new Map(), noCardLines: new Set(), noCardRanges: [] },
  }
  const junk = findControlCharacter(text)
  if (junk) {
    report(junk.line, 'unreadable-file', `file ${junk.message}`)
    return result
  }
  if (text.trim() === '') report(1, 'empty-file', 'file is empty: no cards', 'warning')
  let root: Root
  try {
    root = parseMarkdown(text)
  } catch (error) {
    report(1, 'unparseable-file', `file could not be parsed: ${error instanceof Error ? error.message : String(error)}`)
    return result
  }
  resolveReferences(root)
  const matter = readFrontMatter(root, report)
  // Front matter is optional everywhere: deck, topic and title default from the folder, the
  // note's path and its heading (docs/authoring.md, "Folders"). A `deck:` naming another deck is
  // an error in a deck folder (the folder is the deck) and a warning in an upload (the deck
  // uploaded into wins).
  if (matter.deck !== undefined && matter.deck !== options.deck) {
    const where = options.strict ? 'the file is in' : 'the note goes into'
    report(
      1,
      'front-matter-deck',
      `front matter says \`deck: ${matter.deck}\` but ${where} the \`${options.deck}\` deck`,
      options.strict ? 'error' : 'warning',
    )
  }
  const blocks = root.children.filter((node) => node.type !== 'yaml')
  const title = titleHeading(blocks)
  const named = title ?? openingHeading(blocks)
  result.topic = {
    deck: options.deck,
    slug: matter.topic ?? pathTopic(file),
    title: matter.title ?? (named ? plainText(named) : fileTitle(file)),
    file,
    sources: matter.sources,
    html: '',
  }
  result.annotations = collectAnnotations(root, report)
  walkSections(blocks, title, result, report, properNouns(text), /(^|\s)#flashcards(\/|\s|$)/m.test(text))
  const slugger = createSlugger()
  const anchors = blocks.flatMap((node) =>
    node.type === 'heading' ? [slugger(plainText(trimPhrasing(node.children)))] : [],
  )
  lazy(result.topic, 'html', () => renderNote(blocks, anchors))
  return result
}

/** Capitalised words that follow a lower-case word: names, not sentence starts. */
function properNouns(text: string): Set<string> {
  return new Set(Array.from(text.matchAll(/(?<=[a-z,;] )[A-Z][\w-]*/g), (match) => match[0]))
}

/** The file's title: a `#` heading that opens the file and is its only `#` heading. */
function titleHeading(blocks: readonly RootContent[]): Heading | undefined {
  const first = blocks.find((node) => node.type !== 'html')
  const ones = blocks.filter((node) => node.type === 'heading' && node.depth === 1)
  return first?.type === 'heading' && first.depth === 1 && ones.length === 1 ? first : undefined
}

/**
 * A heading of any level that opens the file names it when no front matter or `#` title does,
 * if no other heading is as high (a file of several `#` parts has no one title).
 */
function openingHeading(blocks: readonly RootContent[]): Heading | undefined {
  const first = blocks.find((node) => node.type !== 'html')
  if (first?.type !== 'heading' || plainText(first) === '') return undefined
  const peers = blocks.filter((node) => node.type === 'heading' && node.depth <= first.depth)
  return peers.length === 1 ? first : undefined
}

function walkSections(
  blocks: readonly RootContent[],
  title: Heading | undefined,
  result: FileResult,
  report: RuleContext['report'],
  names: ReadonlySet<string>,
  obsidianCards: boolean,
): void {
  const { annotations } = result
  const slugger = createSlugger()
  const claims = new Map<number, Block>()
  const ctx: RuleContext = {
    report,
    consumed: new Set(),
    cardParagraphs: new Set(),
    // Obsidian-SR reads cards only from notes tagged #flashcards (decks.md); there its `Q::A`
    // without spaces is a card.
    obsidianCards,
    properNouns: names,
    deckTags: [],
    emit(draft) {
      const { block } = draft
      if (isOptedOut(annotations, block.anchorLine)) return
      // A card's own `#flashcards/…` tag puts it in that deck alone (Obsidian-SR's
      // question-specific tags); others join the sub-deck tagged last above them.
      if (ctx.deckTags.length > 0 && !draft.tags.some(isDeckTag)) draft.tags = [...draft.tags, ...ctx.deckTags]
      const owner = claims.get(block.anchorLine)
      if (!owner) {
        claims.set(block.anchorLine, block)
        block.marker = annotations.markers.get(block.anchorLine)
      } else if (owner !== block) {
        block.unmarkable = true
      }
      block.section.cards += 1
      if (draft.fromTerms) block.section.termCards += 1
      result.drafts.push(draft)
    },
  }
  const stack: Array<{ depth: number; text: string; nodes: PhrasingContent[]; title: boolean }> = []
  const topicTitle = [textNode(result.topic.title)]
  let section = newSection(undefined, stack, topicTitle, '')
  let content: RootContent[] = []
  const finish = () => {
    walkBlocks(content, { section, context: section.context, parentTerms: [], topLevel: true }, ctx)
    headingCards(section, content, ctx)
    const counted = content.filter(
      (node) => node.type !== 'html' && !isOptedOut(annotations, node.position?.start.line ?? 0),
    )
    if (section.heading && section.heading !== title && section.cards === 0 && counted.length > 0) {
      report(section.line, 'heading-without-cards', `section “${section.headings.at(-1)}” made no cards`, 'warning')
    }
  }
  for (const node of blocks) {
    if (node.type !== 'heading') {
      content.push(node)
      continue
    }
    finish()
    while ((stack.at(-1)?.depth ?? 0) >= node.depth) stack.pop()
    const nodes = trimPhrasing(node.children)
    stack.push({ depth: node.depth, text: plainText(nodes), nodes, title: node === title })
    section = newSection(node, stack, nodes, slugger(plainText(nodes)))
    section.outer = [
      ...stack
        .slice(0, -1)
        .map((entry) => entry.nodes)
        .reverse(),
      topicTitle,
    ]
    content = []
  }
  finish()
  result.drafts.sort((a, b) => a.line - b.line)
}

function newSection(
  heading: Heading | undefined,
  stack: ReadonlyArray<{ text: string; nodes: PhrasingContent[]; title: boolean }>,
  context: PhrasingContent[],
  anchor: string,
): Section {
  return {
    heading,
    headings: stack.map((entry) => entry.text),
    idHeadings: stack.filter((entry) => !entry.title).map((entry) => entry.text),
    anchor,
    line: heading?.position?.start.line ?? 1,
    context,
    parent: stack.length > 1 ? stack.at(-2)?.nodes : undefined,
    outer: [],
    cards: 0,
    termCards: 0,
    headingTaken: false,
  }
}
