import type { Paragraph, PhrasingContent } from 'mdast'
import { lineOf, newBlock, type RuleContext, type Scope } from '../draft'
import { takeTags, textNode, trimPhrasing } from '../phrasing'
import { plainText } from '../text'

interface Segment {
  /** Cloze number (`==…==` counts as 1); undefined for plain text. */
  number?: number
  hint?: string
  nodes: PhrasingContent[]
}

const opener = /==(?=\S|$)|\{\{c?(\d+)::/

/**
 * Cloze cards: Anki `{{c1::text::hint}}` or `{{1::text}}` (one card per number, gaps of the same
 * number hidden together; the other numbers stay visible) and Obsidian-SR's highlights, one card
 * per gap as its docs give: `==text==` numbered in order, `==2;;text==` or `==text==[^2]`
 * numbered 2, a hint as `==text;;hint==` or `==text==^[hint]`. The prompt shows
 * `[…]` or `[hint]`; the answer is the hidden text.
 * @see https://github.com/st3v3nmw/obsidian-spaced-repetition/blob/master/docs/docs/en/flashcards/cloze-cards.md
 */
export function clozeCards(paragraph: Paragraph, scope: Scope, ctx: RuleContext): boolean {
  const { nodes, tags } = takeTags(paragraph.children)
  const line = lineOf(paragraph)
  const segments = parseClozes(trimPhrasing(nodes))
  if (segments === 'unclosed') {
    ctx.report(line, 'unclosed-cloze', 'cloze is never closed (`==…==` or `{{c1::…}}`): no card', 'warning')
    return false
  }
  if (!segments) return false
  ctx.cardParagraphs.add(paragraph)
  const numbers = [...new Set(segments.flatMap((segment) => (segment.number === undefined ? [] : [segment.number])))]
  const block = newBlock(scope.section, line, ['cloze', plainText(promptFor(segments, undefined))])
  for (const number of numbers.sort((a, b) => a - b)) {
    const hidden = segments.filter((segment) => segment.number === number)
    const answer: PhrasingContent[] = []
    hidden.forEach((segment, index) => {
      if (index > 0) answer.push(textNode('; '))
      answer.push(...trimPhrasing(segment.nodes))
    })
    if (plainText(answer) === '') {
      ctx.report(line, 'empty-answer', `cloze c${number} hides nothing`)
      continue
    }
    const prompt = promptFor(segments, number)
    ctx.emit({ block, kind: 'cloze', suffix: `-c${number}`, prompt, answer, tags, line })
  }
  return true
}

/** The text with cloze `number` hidden (all of them when `number` is undefined). */
function promptFor(segments: Segment[], number: number | undefined): PhrasingContent[] {
  return segments.flatMap((segment) => {
    if (segment.number === undefined || (number !== undefined && segment.number !== number)) return segment.nodes
    return [textNode(segment.hint ? `[${segment.hint}]` : '[…]')]
  })
}

/** `==2;;text;;hint==`: Obsidian-SR's default pattern `==[123;;]answer[;;hint]==`. */
function highlightParts(inside: string, gap: Segment): string {
  const parts = inside.split(';;')
  if (parts.length > 1 && /^\s*\d+\s*$/.test(parts[0] ?? '')) gap.number = Number(parts.shift())
  if (parts.length > 1) gap.hint = parts.slice(1).join(';;').trim()
  return parts[0] ?? ''
}

/** Splits top-level inline nodes into plain and cloze segments. */
function parseClozes(nodes: PhrasingContent[]): Segment[] | 'unclosed' | undefined {
  const segments: Segment[] = [{ nodes: [] }]
  let open: '==' | '}}' | undefined
  let highlights = 0
  const current = () => segments[segments.length - 1] as Segment
  const push = (value: string) => value !== '' && current().nodes.push(textNode(value))
  for (const node of nodes) {
    if (node.type !== 'text') {
      current().nodes.push(node)
      continue
    }
    let rest = node.value
    while (rest !== '') {
      if (!open) {
        const match = opener.exec(rest)
        if (!match) {
          push(rest)
          break
        }
        push(rest.slice(0, match.index))
        open = match[1] === undefined ? '==' : '}}'
        // Highlights are numbered in order; a `{{cN::` carries its own number.
        segments.push({ number: match[1] === undefined ? ++highlights : Number(match[1]), nodes: [] })
        rest = rest.slice(match.index + match[0].length)
        continue
      }
      const close = rest.indexOf(open)
      if (close < 0) {
        push(rest)
        break
      }
      let inside = rest.slice(0, close)
      const hintAt = open === '}}' ? inside.lastIndexOf('::') : -1
      if (hintAt >= 0) {
        current().hint = inside.slice(hintAt + 2).trim()
        inside = inside.slice(0, hintAt)
      }
      if (open === '==') inside = highlightParts(inside, current())
      push(inside)
      segments.push({ nodes: [] })
      rest = rest.slice(close + open.length)
      // `^[hint]` right after a highlight is its hint (an Obsidian inline footnote).
      const footnote = open === '==' ? /^\^\[([^\]]*)\]/.exec(rest) : null
      if (footnote) {
        const gap = segments[segments.length - 2] as Segment
        gap.hint = footnote[1]?.trim() || gap.hint
        rest = rest.slice(footnote[0].length)
      }
      // `==text==[^2]`: a classic cloze's group number in a footnote mark.
      const group = open === '==' ? /^\[\^(\d+)\]/.exec(rest) : null
      if (group) {
        ;(segments[segments.length - 2] as Segment).number = Number(group[1])
        rest = rest.slice(group[0].length)
      }
      open = undefined
    }
  }
  if (open) return 'unclosed'
  return segments.some((segment) => segment.number !== undefined) ? segments : undefined
}
