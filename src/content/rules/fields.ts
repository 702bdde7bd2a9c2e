import type { ListItem, Paragraph, PhrasingContent } from 'mdast'
import { startsWithPronoun } from '../boilerplate'
import type { RuleContext, Scope } from '../draft'
import { restatesField } from '../giveaway'
import { textNode, trimPhrasing } from '../phrasing'
import { plainText } from '../text'
import { type TermMatch, termCards } from './terms'

/**
 * A field of a schema, as specifications list them: `- **`mounts`** (array of objects, OPTIONAL)
 * specifies …`, `- **created** _string_, OPTIONAL` with the description below, or
 * `- **`schemaVersion`** *int*`. The name is a term, its description's first sentence the
 * definition, and the type and requirement follow it in parentheses.
 * @see https://github.com/opencontainers/image-spec/blob/main/manifest.md
 */
export interface FieldMatch {
  term: TermMatch
  below?: Paragraph
  /** The description's first sentence without its type label. */
  description: string
}

export function matchField(paragraph: Paragraph, item: ListItem): FieldMatch | undefined {
  const [name, ...rest] = paragraph.children
  if (name?.type !== 'strong' || plainText(name) === '' || plainText(name).endsWith(':')) return undefined
  const names: PhrasingContent[] = [...name.children]
  let index = 0
  // `**`throttleReadBpsDevice`**, **`throttleWriteBpsDevice`**`: one description for both.
  while (rest[index]?.type === 'text' && /^\s*,\s*$/.test((rest[index] as { value: string }).value)) {
    const next = rest[index + 1]
    if (next?.type !== 'strong') break
    names.push(textNode(', '), ...next.children)
    index += 2
  }
  const after = rest.slice(index)
  // `**name** *int*`: a space between name and type is its own text node.
  const first = after[0]
  const type = readType(first?.type === 'text' && first.value.trim() === '' ? after.slice(1) : after)
  if (!type) return undefined
  let description = trimPhrasing(type.after)
  let below: Paragraph | undefined
  if (plainText(description) === '') {
    const next = item.children[1]
    if (next?.type !== 'paragraph') return undefined
    below = next
    description = trimPhrasing(next.children)
  }
  const lead = withoutPropertyLead(firstSentence(description))
  const sentence = plainText(lead.nodes)
  // "This descriptor property has additional restrictions for `config`" defines nothing.
  if (sentence === '' || startsWithPronoun(sentence)) return undefined
  const requirement = lead.requirement && !type.label.includes(lead.requirement) ? [lead.requirement] : []
  const label = [type.label, ...requirement].filter(Boolean).join(', ')
  return {
    term: { nodes: names, text: plainText(names), rest: withLabel(lead.nodes, label) },
    below,
    description: sentence,
  }
}

/** Cards for a field: a term card, and the field's own sub-list as the context of its fields. */
export function fieldCards(match: FieldMatch, paragraph: Paragraph, scope: Scope, ctx: RuleContext): void {
  if (match.below) ctx.consumed.add(match.below)
  // "Image Manifest Property Descriptions › config" says less than "Image Manifest › config".
  const context = plainText(scope.context)
  const owner = context.replace(/\s+(?:property descriptions|properties|fields)$/i, '')
  if (owner !== context && owner !== '') scope = { ...scope, context: [textNode(owner)] }
  // "hooks › poststart" → "is an array of poststart hooks" asks the reader nothing.
  if (restatesField(match.term.text, match.description, plainText(scope.context))) return
  // "env › with the same semantics as IEEE Std 1003.1-2008's environ" is a fragment that only
  // likens the field to something named elsewhere: as an answer it says not what the field holds.
  if (/^with\b/i.test(match.description.trim())) return
  // No reverse card: recalling `schemaVersion` from "the schema version" gives it away.
  termCards(match.term, paragraph, undefined, scope, ctx, { reverse: false })
}

/** `*int*`, `_string_, OPTIONAL`, `(string, REQUIRED)` or `*(int64, REQUIRED)*`, then `-` or `:`. */
function readType(nodes: PhrasingContent[]): { label: string; after: PhrasingContent[] } | undefined {
  const [first, ...tail] = nodes
  if (first?.type === 'emphasis') {
    const inner = plainText(first)
      .trim()
      .replace(/^\((.*)\)$/, '$1')
    const next = tail[0]
    let after = tail
    let requirement = ''
    if (next?.type === 'text') {
      const match = /^\s*,?\s*(REQUIRED|OPTIONAL)?\s*(?:[-–—:]\s+)?/.exec(next.value)
      requirement = match?.[1] ?? ''
      after = [textNode(next.value.slice(match?.[0].length ?? 0)), ...tail.slice(1)]
    }
    return { label: [inner, requirement].filter(Boolean).join(', '), after }
  }
  if (first?.type === 'text') {
    const match = /^\s*\(([^()]{1,80})\)\s*(?:[-–—:]\s+)?/.exec(first.value)
    if (!match?.[1] || !/\b(?:REQUIRED|OPTIONAL|string|int\w*|uint\w*|bool\w*|object|array|map)\b/.test(match[1]))
      return undefined
    return { label: match[1].trim(), after: [textNode(first.value.slice(match[0].length)), ...tail] }
  }
  return undefined
}

/** The nodes up to the end of the first sentence. */
function firstSentence(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes) {
    if (node.type === 'break') break
    if (node.type !== 'text') {
      out.push(node)
      continue
    }
    const end = /(?<!\b(?:e\.g|i\.e|etc|vs|cf))[.!?](?=\s|$)/.exec(node.value.replace(/\n/g, ' '))
    if (end) {
      out.push(textNode(node.value.slice(0, end.index + 1)))
      return out
    }
    out.push(node)
  }
  return out
}

/**
 * "This REQUIRED property specifies …" → "specifies …", the requirement moving to the type
 * label. Not when a keyword follows ("This property SHOULD be used"): that stays a sentence
 * about "this", which makes no card.
 */
function withoutPropertyLead(nodes: PhrasingContent[]): { nodes: PhrasingContent[]; requirement: string } {
  const [first, ...tail] = nodes
  const lead =
    first?.type === 'text'
      ? /^\s*This\s+(?:(REQUIRED|OPTIONAL)\s+)?(?:property|field)\s+(?=[a-z])/.exec(first.value)
      : null
  if (!lead || first?.type !== 'text') return { nodes, requirement: '' }
  return { nodes: [textNode(first.value.slice(lead[0].length)), ...tail], requirement: lead[1] ?? '' }
}

/** "specifies the schema version." + "int, REQUIRED" → "specifies the schema version (int, REQUIRED)." */
function withLabel(nodes: PhrasingContent[], label: string): PhrasingContent[] {
  if (label === '') return nodes
  const last = nodes[nodes.length - 1]
  if (last?.type === 'text' && /[.!?]$/.test(last.value))
    return [...nodes.slice(0, -1), textNode(`${last.value.slice(0, -1)} (${label})${last.value.slice(-1)}`)]
  return [...nodes, textNode(` (${label})`)]
}
