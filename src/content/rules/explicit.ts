import type { Paragraph, PhrasingContent, RootContent } from 'mdast'
import { type Fragment, lineOf, newBlock, type RuleContext, type Scope } from '../draft'
import { isBlank, splitPhrasing, takeTags, textNode, trimPhrasing } from '../phrasing'
import { plainText } from '../text'

/** ` :: ` or ` ::: ` with spaces around (so `{{c1::…}}` and `std::vector` are not cards). */
const pair = /[ \t]+:::?(?=\s|$)[ \t]*/
/** A line holding only `?`. */
const questionMark = /\n[ \t]*\?[ \t]*(?:\n|$)/

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
  const inline = splitPhrasing(nodes, pair, 1)
  if (inline.separators.length === 1) {
    const [question = [], answer = []] = inline.parts.map((part) => trimPhrasing(part))
    const both = inline.separators[0]?.trim() === ':::'
    emitPair(question, answer, both, tags, line, scope, ctx)
    ctx.cardParagraphs.add(paragraph)
    return true
  }
  const multiline = splitPhrasing(nodes, questionMark, 1)
  if (multiline.separators.length === 1) {
    const [question = [], rest = []] = multiline.parts.map((part) => trimPhrasing(part))
    let answer: Fragment = withBreaks(rest)
    if (isBlank(rest) && next && lineOf(next) === (paragraph.position?.end.line ?? 0) + 1) {
      ctx.consumed.add(next)
      answer = [next]
    }
    emitPair(question, answer, false, tags, line, scope, ctx)
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
