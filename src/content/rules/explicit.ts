import type { Paragraph, PhrasingContent, RootContent } from 'mdast'
import { endLineOf, type Fragment, lineOf, newBlock, type RuleContext, type Scope } from '../draft'
import { isBlank, isDeckTag, splitPhrasing, takeLeadingTags, takeTags, textNode, trimPhrasing } from '../phrasing'
import { plainText } from '../text'

/** ` :: ` or ` ::: ` with spaces around. */
const pair = /[ \t]+:::?(?=\s|$)[ \t]*/
/**
 * Obsidian-SR's default `Q::A` and `Q:::A`, without spaces. Not after a digit, colon or brace
 * (`{{c1::…}}`, IPv6 `fe80::1`), only in a note tagged `#flashcards` (as in Obsidian-SR), and
 * with a space on one side, so `std::vector` stays text.
 * @see https://github.com/st3v3nmw/obsidian-spaced-repetition/blob/master/docs/docs/en/flashcards/q-and-a-cards.md
 */
const tightPair = /(?<=[^\s:{}]):::?(?=[^\s:])/
/** An Anki-style cloze, whose `::` is no card separator. */
const ankiCloze = /\{\{c?\d+::/
/** A line holding only `?` (or `??`, Obsidian-SR's multi-line bidirectional card). */
const questionMark = /\n[ \t]*\?\??[ \t]*(?:\n|$)/

export const notParsed =
  'looks like a `Question::Answer` card but is not one (one word each side, or several lines): put code in backticks, or write `Question :: Answer` on one line'

/** A line of nothing but `#tags`. */
const tagLine = /^\s*(?:#\p{L}[\p{L}\p{N}_/-]*\s*)+$/u
/** Obsidian-SR's end marker for a card whose answer holds blank lines (cards-with-blank-lines.md). */
const endMarker = '+++'

/**
 * Explicit cards: `Question :: Answer`, `Question ::: Answer` (also reversed), and a question,
 * a line with only `?`, then the answer (the rest of the paragraph, or the block right below,
 * or every block down to a `+++` line). In a `#flashcards` note each line is read on its own, as
 * Obsidian-SR does: several `Q::A` lines make several cards, a `#flashcards/deck` line sets the
 * sub-deck of the cards below it and a tag opening a card's line is that card's alone.
 * @see https://github.com/st3v3nmw/obsidian-spaced-repetition/blob/master/src/parser.ts
 */
export function explicitCards(
  paragraph: Paragraph,
  after: readonly RootContent[],
  scope: Scope,
  ctx: RuleContext,
): boolean {
  const first = lineOf(paragraph)
  const lines = splitPhrasing(paragraph.children, /[ \t]*\n/).parts.map((nodes, index) => ({
    nodes,
    line: first + index,
  }))
  let tagged = false
  while (lines[0] && tagLine.test(plainText(lines[0].nodes)) && /#flashcards\b/i.test(plainText(lines[0].nodes))) {
    ctx.deckTags = takeLeadingTags(lines[0].nodes).tags.filter(isDeckTag)
    lines.shift()
    tagged = true
  }
  if (lines.length === 0) return tagged
  const rest = joinText(lines.flatMap((entry, index) => (index === 0 ? entry.nodes : [textNode('\n'), ...entry.nodes])))
  const { line } = lines[0] as { line: number }
  const { nodes: untagged, tags: trailing } = takeTags(rest)
  const { nodes, tags: leading } = takeLeadingTags(untagged)
  const tags = [...leading, ...trailing]
  if (/^:::?\s/.test(plainText(nodes))) {
    ctx.report(line, 'empty-prompt', 'card has an empty question')
    return true
  }
  if (lines.length > 1 && (ctx.obsidianCards || lines.filter((entry) => pairIn(entry.nodes, ctx)).length > 1)) {
    const marked = lines.some((entry) => /^\s*\?\??\s*$/.test(plainText(entry.nodes)))
    if (!marked || !multilineCard(nodes, tags, line, endLineOf(paragraph), after, scope, ctx)) {
      let read = false
      for (const entry of lines) {
        if (singleLineCard(entry.nodes, entry.line, scope, ctx)) read = true
        else if (looksLikeCard(entry.nodes)) {
          ctx.report(entry.line, 'card-not-parsed', notParsed, 'warning')
          read = true
        }
      }
      if (!read) return tagged
    }
    ctx.cardParagraphs.add(paragraph)
    return true
  }
  const found = pairIn(nodes, ctx)
  if (found && (found.spaced || !nodes.some((n) => n.type === 'text' && n.value.includes('\n')))) {
    const [question = [], answer = []] = found.parts.map((part) => trimPhrasing(part))
    if (found.spaced || !oneWordEach(question, answer)) {
      emitPair(question, answer, found.both, tags, line, scope, ctx)
      ctx.cardParagraphs.add(paragraph)
      return true
    }
  }
  if (multilineCard(nodes, tags, line, endLineOf(paragraph), after, scope, ctx)) {
    ctx.cardParagraphs.add(paragraph)
    return true
  }
  return tagged
}

/**
 * The `Q::A` separator of a line: spaced anywhere; tight (Obsidian-SR's default) only in a
 * `#flashcards` note and outside an Anki cloze `{{1::…}}`.
 */
function pairIn(
  nodes: PhrasingContent[],
  ctx: RuleContext,
): { parts: PhrasingContent[][]; both: boolean; spaced: boolean } | undefined {
  const spaced = splitPhrasing(nodes, pair, 1)
  const tight = ctx.obsidianCards && !ankiCloze.test(plainText(nodes)) ? splitPhrasing(nodes, tightPair, 1) : spaced
  const found = spaced.separators.length === 1 ? spaced : tight
  if (found.separators.length !== 1) return undefined
  return { parts: found.parts, both: found.separators[0]?.trim() === ':::', spaced: found === spaced }
}

/** `std::vector`, `fe80::1`: one word each side of a tight `::` is code, not a card. */
function oneWordEach(question: PhrasingContent[], answer: PhrasingContent[]): boolean {
  return !/\s/.test(plainText(question)) && !/\s/.test(plainText(answer))
}

/** One line of a `#flashcards` paragraph: its own tags in front, its `Q::A`. */
function singleLineCard(nodes: PhrasingContent[], line: number, scope: Scope, ctx: RuleContext): boolean {
  const { nodes: untagged, tags: trailing } = takeTags(nodes)
  const { nodes: text, tags: leading } = takeLeadingTags(trimPhrasing(untagged))
  const found = pairIn(text, ctx)
  if (!found) return false
  const [question = [], answer = []] = found.parts.map((part) => trimPhrasing(part))
  if (!found.spaced && oneWordEach(question, answer)) return false
  emitPair(question, answer, found.both, [...leading, ...trailing], line, scope, ctx)
  return true
}

/**
 * A question, a line holding only `?` (`??`: both ways), then the answer: the rest of the
 * paragraph, else the block right below (after one blank line: Obsidian needs it before a
 * table), or, when a `+++` line follows, every block down to it.
 */
function multilineCard(
  nodes: PhrasingContent[],
  tags: string[],
  line: number,
  endLine: number,
  after: readonly RootContent[],
  scope: Scope,
  ctx: RuleContext,
): boolean {
  const multiline = splitPhrasing(nodes, questionMark, 1)
  if (multiline.separators.length !== 1) return false
  const [question = [], rest = []] = multiline.parts.map((part) => trimPhrasing(part))
  const both = multiline.separators[0]?.includes('??') === true
  let answer: Fragment = withBreaks(rest)
  if (isBlank(rest) && after[0]) {
    const end = after.findIndex((block) => block.type === 'paragraph' && plainText(block) === endMarker)
    const taken = end > 0 ? after.slice(0, end + 1) : lineOf(after[0]) <= endLine + 2 ? [after[0]] : []
    for (const block of taken) ctx.consumed.add(block)
    answer = end > 0 ? after.slice(0, end) : taken
  }
  emitPair(withBreaks(question), answer, both, tags, line, scope, ctx)
  return true
}

function emitPair(
  question: PhrasingContent[],
  answer: Fragment,
  both: boolean,
  tags: string[],
  line: number,
  scope: Scope,
  ctx: RuleContext,
): void {
  if (isBlank(question)) {
    ctx.report(line, 'empty-prompt', 'card has an empty question')
    return
  }
  if (plainText(answer) === '') {
    ctx.report(line, 'empty-answer', `card “${plainText(question)}” has an empty answer`)
    return
  }
  const block = newBlock(scope.section, line, ['qa', plainText(question)])
  ctx.emit({ block, kind: 'basic', suffix: '', prompt: question, answer, tags, line })
  if (both) ctx.emit({ block, kind: 'reverse', suffix: '-r', prompt: answer, answer: question, tags, line })
}

/**
 * Whether a paragraph that made no card still looks like one (`std::vector` in prose, or a
 * `Q::A` on a line of a longer paragraph): worth a warning, as Obsidian-SR would make a card.
 */
export function looksLikeCard(paragraph: Paragraph | PhrasingContent[]): boolean {
  const { nodes } = takeTags(Array.isArray(paragraph) ? paragraph : paragraph.children)
  return splitPhrasing(nodes, /:::?/, 1).separators.length > 0 && !/\{\{(c?\d+::)?/.test(plainText(nodes))
}

/** Keeps the answer's own line breaks ("up to a blank line" answers are often short lists). */
function withBreaks(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes) {
    if (node.type !== 'text' || !node.value.includes('\n')) {
      out.push(node)
      continue
    }
    node.value.split('\n').forEach((piece, index) => {
      if (index > 0) out.push({ type: 'break' })
      if (piece !== '') out.push(textNode(piece))
    })
  }
  return out
}

/** Adjacent text nodes as one, so a separator spanning them (`\n?\n`) is found. */
function joinText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes) {
    const last = out[out.length - 1]
    if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = textNode(last.value + node.value)
    else out.push(node)
  }
  return out
}
