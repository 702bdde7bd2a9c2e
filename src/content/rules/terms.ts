import type { ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { endsWithColon, isNormativeOutOfContext, isPointer } from '../boilerplate'
import { type CardDraft, lineOf, newBlock, type RuleContext, type Scope } from '../draft'
import { givesAway, repeatsPrompt } from '../giveaway'
import { isBlank, strong, takeTags, textNode, trimPhrasing } from '../phrasing'
import { normalize, plainText, wordCount } from '../text'
import { chainSteps, sequenceDrafts } from './sequence'

/** A definition line: `**Term**: text`, `- **Term** – text`, `` `term`: text ``, `Term: text`. */
export interface TermMatch {
  nodes: PhrasingContent[]
  text: string
  rest: PhrasingContent[]
}

const separator = /^(?:\s*[:：]\s*|\s*[–—]\s*|\s+-\s+)/
/** Bold lead-ins that label a paragraph rather than define a term. */
const leadIns = new Set([
  'note',
  'notes',
  'tip',
  'warning',
  'caution',
  'important',
  'example',
  'examples',
  'summary',
  'tl;dr',
  'q',
  'a',
  'question',
  'answer',
  'see also',
])

/**
 * Matches a paragraph that starts with a term. Plain `Term: text` counts only when `plain` is
 * set: inside a list whose every item has that shape, so prose with a colon makes no card.
 */
export function matchTerm(paragraph: Paragraph, plain: boolean): TermMatch | undefined {
  const [first, next, ...tail] = paragraph.children
  if (first?.type === 'strong' || first?.type === 'inlineCode') {
    const raw = plainText(first)
    if (first.type === 'strong' && raw.endsWith(':')) {
      return term(stripColon(first.children), raw.slice(0, -1), paragraph.children.slice(1))
    }
    if (next?.type !== 'text') return undefined
    const match = separator.exec(next.value)
    if (!match) return undefined
    const nodes = first.type === 'strong' ? first.children : [first]
    return term(nodes, raw, [textNode(next.value.slice(match[0].length)), ...tail])
  }
  if (plain && first?.type === 'text') {
    const match = /^([\p{L}\p{N}][^:\n]{0,39}?):\s+(?=\S)/u.exec(first.value)
    if (!match?.[1] || wordCount(match[1]) > 4) return undefined
    return term([textNode(match[1])], match[1], [
      textNode(first.value.slice(match[0].length)),
      ...paragraph.children.slice(1),
    ])
  }
  return undefined
}

function term(nodes: PhrasingContent[], raw: string, rest: PhrasingContent[]): TermMatch | undefined {
  const text = raw.trim()
  if (text === '' || wordCount(text) > 8 || leadIns.has(text.toLowerCase())) return undefined
  return { nodes, text, rest }
}

function stripColon(nodes: PhrasingContent[]): PhrasingContent[] {
  const last = nodes[nodes.length - 1]
  if (last?.type !== 'text') return nodes
  return [...nodes.slice(0, -1), textNode(last.value.replace(/\s*:\s*$/, ''))]
}

/** Whether every item of a list reads `Name: text` (the plain-term list shape). */
export function isPlainTermList(items: readonly ListItem[]): boolean {
  return (
    items.length >= 2 &&
    items.every((item) => {
      const first = item.children[0]
      return first?.type === 'paragraph' && matchTerm(first, true) !== undefined
    })
  )
}

/**
 * Cards from a term: `basic` term → definition, and a `reverse` card when the definition is
 * short (≤ 30 words) and does not give the term away. A definition that is an arrow chain makes
 * a `sequence` card instead. When the term stands alone (`1. **dockerd**:`), the definition is
 * the first paragraph or first list item below it.
 */
export function termCards(
  match: TermMatch,
  paragraph: Paragraph,
  item: ListItem | undefined,
  scope: Scope,
  ctx: RuleContext,
  options: { reverse?: boolean } = {},
): void {
  const taken = takeTags(match.rest)
  let definition = trimPhrasing(taken.nodes)
  let tags = taken.tags
  const line = lineOf(paragraph)
  if (isBlank(definition) && item) {
    const below = definitionBelow(item)
    if (below) {
      ctx.consumed.add(below)
      const fromBelow = takeTags(below.children)
      definition = trimPhrasing(fromBelow.nodes)
      tags = [...tags, ...fromBelow.tags]
    } else if (item.children.length === 1) {
      ctx.report(line, 'term-without-definition', `“${match.text}” has no definition: no card`, 'warning')
    }
  }
  if (isBlank(definition)) return
  const definitionText = plainText(definition)
  // "Interchangeable mime-types:" introduces a list; "Solaris: This value MUST be an absolute
  // path." says what a spec requires of a field the line does not name.
  if (endsWithColon(definitionText) || isNormativeOutOfContext(definitionText) || isPointer(definitionText)) return
  if (repeatsPrompt(match.text, definitionText, plainText(scope.context))) return
  const block = newBlock(scope.section, line, ['term', ...scope.parentTerms, match.text])
  const steps = chainSteps(definition)
  if (steps) {
    for (const draft of sequenceDrafts(block, steps, match.nodes, tags, line)) ctx.emit({ ...draft, fromTerms: true })
    return
  }
  // "containerd › containerd" says nothing, and a reverse card must not show its answer: each
  // takes the nearest context that is not the term (forward) or gives no word of it away
  // (reverse; none when every heading does).
  const contexts = [scope.context, ...scope.section.outer]
  const forward = contextFor(contexts.find((nodes) => !sameName(plainText(nodes), match.text)))
  const cards: CardDraft[] = [
    {
      block,
      kind: 'basic',
      suffix: '',
      prompt: [...forward, strong(match.nodes)],
      answer: definition,
      tags,
      line,
      fromTerms: true,
    },
  ]
  // Under a schema field, "Solaris: corresponds to `dir`…" items are notes per platform:
  // asked backwards, several platforms fit.
  if (options.reverse !== false && !scope.inField && reverseFits(definitionText, match.text)) {
    const context = contextFor(contexts.find((nodes) => !givesAway(plainText(nodes), match.text)))
    const prompt = [...context, textNode(context.length > 0 ? 'which term? ' : 'Which term? '), ...definition]
    cards.push({ block, kind: 'reverse', suffix: '-r', prompt, answer: [...match.nodes], tags, line, fromTerms: true })
  }
  for (const card of cards) ctx.emit(card)
}

/** A short definition that gives no word of the term away (`givesAway`). */
function reverseFits(definition: string, term: string): boolean {
  return wordCount(definition) <= 30 && !givesAway(definition, term)
}

/** The first paragraph below a lone term, or the first item of a plain list below it. */
function definitionBelow(item: ListItem): Paragraph | undefined {
  const next: RootContent | undefined = item.children[1]
  if (next?.type === 'paragraph') return next
  if (next?.type !== 'list') return undefined
  const first = next.children[0]?.children[0]
  if (first?.type !== 'paragraph' || first.children[0]?.type === 'strong') return undefined
  return first
}

/** Whether a text names a term: in full, without its parenthesis, or the part in parentheses,
 * comparing words without plural endings (`registries` names `registry`). */
export function mentions(text: string, term: string): boolean {
  const haystack = ` ${stem(text)} `
  const full = normalize(term)
  const bare = full.replace(/\([^)]*\)/g, ' ')
  const inner = /\(([^)]+)\)/.exec(full)?.[1] ?? ''
  return [full, bare, inner].some((variant) => {
    const needle = stem(variant)
    return needle.length >= 3 && haystack.includes(` ${needle} `)
  })
}

function sameName(a: string, b: string): boolean {
  const bare = (text: string) => stem(text.replace(/\([^)]*\)/g, ' '))
  return stem(a) === stem(b) || bare(a) === bare(b)
}

function contextFor(nodes: PhrasingContent[] | undefined): PhrasingContent[] {
  return nodes ? [...nodes, textNode(' › ')] : []
}

function stem(text: string): string {
  return normalize(text.replace(/[^\p{L}\p{N}\s-]/gu, ' '))
    .split(' ')
    .map((word) => word.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, ''))
    .join(' ')
}
