import type { PhrasingContent, Text } from 'mdast'
import { plainText } from './text'

/** Helpers that cut inline Markdown without touching the parsed tree (new text nodes only). */

function text(value: string): Text {
  return { type: 'text', value }
}

/**
 * Splits inline nodes at each match of `separator` inside top-level text nodes (so a separator
 * inside `code` or a link is left alone). Returns the parts and the separators found.
 */
export function splitPhrasing(
  nodes: readonly PhrasingContent[],
  separator: RegExp,
  limit = Number.POSITIVE_INFINITY,
): { parts: PhrasingContent[][]; separators: string[] } {
  const parts: PhrasingContent[][] = [[]]
  const separators: string[] = []
  const flags = separator.flags.includes('g') ? separator.flags : `${separator.flags}g`
  const pattern = new RegExp(separator.source, flags)
  const push = (node: PhrasingContent) => parts[parts.length - 1]?.push(node)
  for (const node of nodes) {
    if (node.type !== 'text' || separators.length >= limit) {
      push(node)
      continue
    }
    let last = 0
    for (const match of node.value.matchAll(pattern)) {
      if (separators.length >= limit) break
      if (match.index > last) push(text(node.value.slice(last, match.index)))
      separators.push(match[0])
      parts.push([])
      last = match.index + match[0].length
    }
    if (last < node.value.length) push(text(node.value.slice(last)))
  }
  return { parts, separators }
}

/** Drops HTML (id markers, comments), joins the text around it and trims both ends. */
export function trimPhrasing(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let dropped = false
  for (const node of nodes) {
    if (node.type === 'html') {
      dropped = true
      continue
    }
    const last = out[out.length - 1]
    if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = text(last.value + node.value)
    // `text <!-- card: … -->\` ends in a hard break: the space before the marker is not text.
    else if (node.type === 'break' && dropped && last?.type === 'text')
      out.splice(-1, 1, text(last.value.trimEnd()), node)
    else out.push(node)
    dropped = false
  }
  const first = out[0]
  if (first?.type === 'text') out[0] = text(first.value.replace(/^\s+/, ''))
  const lastIndex = out.length - 1
  const last = out[lastIndex]
  if (last?.type === 'text') out[lastIndex] = text(last.value.replace(/\s+$/, ''))
  return out.filter((node) => node.type !== 'text' || node.value !== '')
}

const tagRun = /(^|\s)((?:#\p{L}[\p{L}\p{N}_/-]*\s*)+)$/u

/** Takes `#tag` words from the end of the inline content (before any trailing id marker). */
export function takeTags(nodes: readonly PhrasingContent[]): { nodes: PhrasingContent[]; tags: string[] } {
  const content = nodes.filter((node) => node.type !== 'html')
  const last = content[content.length - 1]
  if (last?.type !== 'text') return { nodes: [...nodes], tags: [] }
  const match = tagRun.exec(last.value.replace(/\s+$/, ''))
  if (!match || (match.index + (match[1]?.length ?? 0) === 0 && content.length === 1)) {
    return { nodes: [...nodes], tags: [] }
  }
  const tags = (match[2] ?? '')
    .trim()
    .split(/\s+/)
    .map((tag) => tag.slice(1))
  const kept = text(last.value.slice(0, match.index))
  return { nodes: content.slice(0, -1).concat(kept.value === '' ? [] : [kept]), tags }
}

const leadingTagRun = /^[ \t]*((?:#\p{L}[\p{L}\p{N}_/-]*[ \t]*)+)/u

/** Takes `#tag` words from the start of the inline content (Obsidian-SR's question-specific tags). */
export function takeLeadingTags(nodes: readonly PhrasingContent[]): { nodes: PhrasingContent[]; tags: string[] } {
  const first = nodes[0]
  const match = first?.type === 'text' ? leadingTagRun.exec(first.value) : null
  if (first?.type !== 'text' || !match) return { nodes: [...nodes], tags: [] }
  const tags = (match[1] ?? '')
    .trim()
    .split(/\s+/)
    .map((tag) => tag.slice(1))
  const rest = first.value.slice(match[0].length)
  return { nodes: [...(rest === '' ? [] : [text(rest)]), ...nodes.slice(1)], tags }
}

/** Obsidian-SR's sub-deck tag: `flashcards/deckA` (the bare `flashcards` only marks the note). */
export function isDeckTag(tag: string): boolean {
  return tag.toLowerCase().startsWith('flashcards/')
}

const boundary = /(?<!\b(?:e\.g|i\.e|etc|vs|cf))[.!?]\s+(?=[\p{Lu}\p{N}`"'“(*])/gu

/** The nodes of the last sentence: the part after the last `. ` / `! ` / `? ` boundary. */
export function lastSentenceNodes(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  for (let index = nodes.length - 1; index >= 0; index -= 1) {
    const node = nodes[index]
    if (node?.type !== 'text') continue
    let cut = -1
    for (const match of node.value.matchAll(boundary)) cut = match.index + match[0].length
    if (cut < 0 && index < nodes.length - 1 && /[.!?]\s+$/.test(node.value)) cut = node.value.length
    if (cut >= 0) {
      const rest = node.value.slice(cut)
      return [...(rest === '' ? [] : [text(rest)]), ...nodes.slice(index + 1)]
    }
  }
  return [...nodes]
}

/** Removes a trailing `:` (an introduction: "…, like this:"). */
export function dropTrailingColon(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const out = trimPhrasing(nodes)
  const last = out[out.length - 1]
  if (last?.type === 'text' && /:\s*$/.test(last.value)) {
    out[out.length - 1] = text(last.value.replace(/\s*:\s*$/, ''))
  }
  return out.filter((node) => node.type !== 'text' || node.value !== '')
}

export function isBlank(nodes: readonly PhrasingContent[]): boolean {
  return plainText(nodes) === ''
}

export function textNode(value: string): Text {
  return text(value)
}

export function strong(children: PhrasingContent[]): PhrasingContent {
  return { type: 'strong', children }
}
