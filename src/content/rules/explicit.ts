import type { Paragraph, PhrasingContent, RootContent } from 'mdast'
import { type Fragment, lineOf, newBlock, type RuleContext, type Scope } from '../draft'
import { isBlank, splitPhrasing, takeTags, textNode, trimPhrasing } from '../phrasing'
import { plainText } from '../text'

/** ` :: ` or ` ::: ` with spaces around. */
const pair = /[ \t]+:::?(?=\s|$)[ \t]*/
/**
 * Obsidian-SR's default `Q::A` and `Q:::A`, without spaces. Not after a digit, colon or brace
 * (`{{c1::…}}`, IPv6 `fe80::1`), only in a note tagged `#flashcards` (as in Obsidian-SR), and
 * with a space on one side, so `std::vector` stays text.
 * @see https://github.com/st3v3nmw/obsidian-spaced-repetition/blob/master/docs/docs/en/flashcards/q-and-a-cards.md
 */
const tightPair = /(?<=[^\s:{}\d]):::?(?=[^\s:])/
/** A line holding only `?` (or `??`, Obsidian-SR's multi-line bidirectional card). */
const questionMark = /\n[ \t]*\?\??[ \t]*(?:\n|$)/

/**
 * Explicit cards: `Question :: Answer`, `Question ::: Answer` (also reversed), and a question,
 * a line with only `?`, then the answer (the rest of the paragraph, or the block right below).
 */
export function explicitCards(
  paragraph: Paragraph,
  next: RootContent | undefined,
  scope: Scope,
  ctx: RuleContext,
): boolean {
  const { nodes, tags } = takeTags(paragraph.children)
  const line = lineOf(paragraph)
  if (/^:::?\s/.test(plainText(nodes))) {
    ctx.report(line, 'empty-prompt', 'card has an empty question')
    return true
  }
  const spaced = splitPhrasing(nodes, pair, 1)
  const tight = spaced.separators.length === 1 || !ctx.obsidianCards ? spaced : splitPhrasing(nodes, tightPair, 1)
  if (
    tight.separators.length === 1 &&
    (tight === spaced || !nodes.some((n) => n.type === 'text' && n.value.includes('\n')))
  ) {
    const [question = [], answer = []] = tight.parts.map((part) => trimPhrasing(part))
    const oneWordEach = !/\s/.test(plainText(question)) && !/\s/.test(plainText(answer))
    if (tight === spaced || !oneWordEach) {
      const both = tight.separators[0]?.trim() === ':::'
      emitPair(question, answer, both, tags, line, scope, ctx)
      ctx.cardParagraphs.add(paragraph)
      return true
    }
  }
  const multiline = splitPhrasing(nodes, questionMark, 1)
  if (multiline.separators.length === 1) {
    const [question = [], rest = []] = multiline.parts.map((part) => trimPhrasing(part))
    const both = multiline.separators[0]?.includes('??') === true
    let answer: Fragment = withBreaks(rest)
    // The block right below, or after one blank line: Obsidian needs that blank line before a
    // table in the answer (cards-with-blank-lines.md).
    if (isBlank(rest) && next && lineOf(next) <= (paragraph.position?.end.line ?? 0) + 2) {
      ctx.consumed.add(next)
      answer = [next]
    }
    emitPair(withBreaks(question), answer, both, tags, line, scope, ctx)
    ctx.cardParagraphs.add(paragraph)
    return true
  }
  return false
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
export function looksLikeCard(paragraph: Paragraph): boolean {
  const { nodes } = takeTags(paragraph.children)
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
