import type { List, ListItem, Paragraph, RootContent } from 'mdast'
import { lineOf, type RuleContext, type Scope } from './draft'
import { trimPhrasing } from './phrasing'
import { clozeCards } from './rules/cloze'
import { enumerationCards, listContext } from './rules/enumeration'
import { explicitCards, looksLikeCard, notParsed } from './rules/explicit'
import { fieldCards, matchField } from './rules/fields'
import { chainCards, diagramCards } from './rules/sequence'
import { isPlainTermList, matchTerm, termCards } from './rules/terms'
import { typeinCards } from './rules/typein'
import { normalize, plainText } from './text'

/** Walks sibling blocks, giving each rule the block and its neighbours. */
export function walkBlocks(blocks: readonly RootContent[], scope: Scope, ctx: RuleContext, from = 0): void {
  for (let index = from; index < blocks.length; index += 1) {
    const node = blocks[index]
    if (!node || ctx.consumed.has(node)) continue
    const previous = blocks[index - 1]
    switch (node.type) {
      case 'paragraph':
        paragraphCards(node, previous, blocks.slice(index + 1), scope, ctx)
        break
      case 'list':
        walkList(node, previous, scope, ctx)
        break
      case 'code':
        if (!typeinCards(node, previous, scope, ctx)) diagramCards(node, previous, scope, ctx)
        break
      case 'blockquote':
        walkBlocks(node.children, { ...scope, topLevel: false }, ctx)
        break
    }
  }
}

/** Explicit syntax wins over the automatic shapes: `::` > cloze > term > arrow chain. */
function paragraphCards(
  paragraph: Paragraph,
  previous: RootContent | undefined,
  after: readonly RootContent[],
  scope: Scope,
  ctx: RuleContext,
): void {
  if (explicitCards(paragraph, after, scope, ctx) || clozeCards(paragraph, scope, ctx)) return
  if (looksLikeCard(paragraph)) ctx.report(lineOf(paragraph), 'card-not-parsed', notParsed, 'warning')
  const term = matchTerm(paragraph, false)
  if (term) termCards(term, paragraph, undefined, scope, ctx)
  else chainCards(paragraph, previous, scope, ctx)
}

function walkList(list: List, previous: RootContent | undefined, scope: Scope, ctx: RuleContext): void {
  enumerationCards(list, previous, scope, ctx)
  const plainTerms = isPlainTermList(list.children)
  const repeated = repeatedDefinitions(list, plainTerms)
  const listScope: Scope = { ...scope, context: listContext(previous) ?? scope.context }
  for (const item of list.children) {
    const first = item.children[0]
    let inner: Scope = { ...scope, topLevel: false }
    if (first?.type === 'paragraph' && !ctx.consumed.has(first)) {
      const explicit = explicitCards(first, item.children.slice(1), scope, ctx) || clozeCards(first, scope, ctx)
      const field = explicit ? undefined : matchField(first, item)
      const term = explicit || repeated.has(item) ? undefined : (field?.term ?? matchTerm(first, plainTerms))
      if (field && term) {
        fieldCards(field, first, listScope, ctx)
        inner = {
          ...inner,
          context: trimPhrasing(term.nodes),
          parentTerms: [...scope.parentTerms, term.text],
          inField: true,
        }
      } else if (term) {
        termCards(term, first, item, listScope, ctx)
        inner = { ...inner, context: trimPhrasing(term.nodes), parentTerms: [...scope.parentTerms, term.text] }
      } else if (!explicit) {
        chainCards(first, undefined, scope, ctx)
      }
    }
    walkBlocks(item.children, inner, ctx, first?.type === 'paragraph' ? 1 : 0)
  }
}

/**
 * Items of a term list that share their definition with a sibling ("`.config.Memory`: only
 * present in Docker" four times): a table of identifiers, where no card could tell them apart.
 */
function repeatedDefinitions(list: List, plainTerms: boolean): Set<ListItem> {
  const byDefinition = new Map<string, ListItem[]>()
  for (const item of list.children) {
    const first = item.children[0]
    const term = first?.type === 'paragraph' ? matchTerm(first, plainTerms) : undefined
    if (!term) continue
    const key = normalize(plainText(term.rest))
    if (key === '') continue
    byDefinition.set(key, [...(byDefinition.get(key) ?? []), item])
  }
  return new Set([...byDefinition.values()].filter((items) => items.length > 1).flat())
}
