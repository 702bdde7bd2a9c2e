import type { RootContent } from 'mdast'
import {
  endsUnfinished,
  endsWithColon,
  isAboutTheText,
  isGenericHeading,
  isGlossaryHeading,
  isNormativeOutOfContext,
  isPointer,
  startsWithConnective,
  startsWithPronoun,
} from '../boilerplate'
import { lineOf, newBlock, type RuleContext, type Section } from '../draft'
import { givesAway } from '../giveaway'
import { strong, takeTags, textNode, trimPhrasing } from '../phrasing'
import { plainText, wordCount } from '../text'
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
  if (title === '' || isGenericHeading(title)) return
  const { nodes, tags } = takeTags(first.children)
  const answer = trimPhrasing(nodes)
  const text = plainText(answer)
  if (text === '' || !standsAlone(text)) return
  const opening = text.split(/(?<=[.!?])\s+/)[0] ?? text
  // Under a "Glossary" heading every sub-heading is a term, at any depth.
  const glossary = section.headings.slice(0, -1).some(isGlossaryHeading)
  if (heading.depth < 3 && !glossary && !mentions(opening, title)) return
  const name = strong(trimPhrasing(heading.children))
  const prompt = section.parent ? [...section.parent, textNode(' › '), name] : [name]
  const line = lineOf(heading)
  const block = newBlock(section, line, ['heading'])
  ctx.emit({ block, kind: 'basic', suffix: '', prompt, answer, tags, line, fromTerms: glossary })
  if (glossary && wordCount(text) <= 30 && !givesAway(text, title) && !startsWithPronoun(text)) {
    const context = section.parent && !givesAway(plainText(section.parent), title) ? section.parent : []
    const reverse = [...context, textNode(context.length > 0 ? ' › which term? ' : 'Which term? '), ...answer]
    ctx.emit({ block, kind: 'reverse', suffix: '-r', prompt: reverse, answer: [name], tags, line, fromTerms: true })
  }
}

/**
 * An answer that needs no sentence before it and introduces nothing after it, and is about the
 * heading's subject rather than the document ("This section …", "For more information, see …").
 */
function standsAlone(text: string): boolean {
  return (
    !endsWithColon(text) &&
    !endsUnfinished(text) &&
    !startsWithConnective(text) &&
    !isNormativeOutOfContext(text) &&
    !isPointer(text) &&
    !isAboutTheText(text)
  )
}
