import type { RootContent } from 'mdast'
import { lineOf, newBlock, type RuleContext, type Section } from '../draft'
import { strong, takeTags, textNode, trimPhrasing } from '../phrasing'
import { plainText } from '../text'
import { mentions } from './terms'

/**
 * `basic` heading → first paragraph, for a section that made no cards from bold terms and whose
 * first paragraph is not a card itself. At `###` and deeper any paragraph counts; at `#` and
 * `##` only a defining one, whose first sentence names the heading ("Docker Hub is …").
 */
export function headingCards(section: Section, blocks: readonly RootContent[], ctx: RuleContext): void {
  const heading = section.heading
  const first = blocks.find((block) => block.type !== 'html')
  if (!heading || first?.type !== 'paragraph' || section.termCards > 0 || ctx.cardParagraphs.has(first)) return
  const title = plainText(heading)
  if (title === '') return
  const { nodes, tags } = takeTags(first.children)
  const answer = trimPhrasing(nodes)
  const text = plainText(answer)
  if (text === '') return
  const opening = text.split(/(?<=[.!?])\s+/)[0] ?? text
  if (heading.depth < 3 && !mentions(opening, title)) return
  const name = strong(trimPhrasing(heading.children))
  const prompt = section.parent ? [...section.parent, textNode(' › '), name] : [name]
  const line = lineOf(heading)
  const block = newBlock(section, line, ['heading'])
  ctx.emit({ block, kind: 'basic', suffix: '', prompt, answer, tags, line })
}
