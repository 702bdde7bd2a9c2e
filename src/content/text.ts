import type { Nodes, RootContent } from 'mdast'

/**
 * Plain text of Markdown nodes: HTML (id markers, comments) dropped, whitespace collapsed.
 * Blocks are joined with newlines; list items get a `- ` bullet.
 */
export function plainText(nodes: Nodes | readonly RootContent[]): string {
  const list = Array.isArray(nodes) ? nodes : [nodes as Nodes]
  if (list.some(isBlock)) {
    return list
      .map((node) => blockText(node))
      .filter((line) => line !== '')
      .join('\n')
  }
  return collapse(list.map(inlineText).join(''))
}

function blockText(node: Nodes): string {
  if (node.type === 'list') {
    return node.children.map((item) => `- ${plainText(item.children).replace(/\n/g, ' ')}`).join('\n')
  }
  if (node.type === 'code') return node.value.trim()
  if ('children' in node && node.children.some(isBlock)) return plainText(node.children)
  return collapse(inlineText(node))
}

function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'html':
    case 'yaml':
      return ''
    case 'text':
    case 'inlineCode':
      return node.value
    case 'break':
      return ' '
    case 'image':
    case 'imageReference':
      return node.alt ?? ''
    default:
      return 'children' in node ? node.children.map((child) => inlineText(child)).join('') : ''
  }
}

const blockTypes = new Set(['paragraph', 'heading', 'list', 'listItem', 'code', 'blockquote', 'table', 'thematicBreak'])
function isBlock(node: Nodes): boolean {
  return blockTypes.has(node.type)
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

export function wordCount(text: string): number {
  const words = text.trim().split(/\s+/)
  return words[0] === '' ? 0 : words.length
}

/** Lower-cased, whitespace-collapsed: the form compared for ids and duplicate prompts. */
export function normalize(text: string): string {
  return collapse(text).toLowerCase()
}

/** `docker-notes` → `Docker notes`. */
export function humanize(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** The last sentence of a plain-text paragraph. */
export function lastSentence(text: string): string {
  const parts = collapse(text).split(/(?<=[.!?])\s+(?=[A-Z0-9`"'“(*])/)
  return parts[parts.length - 1] ?? ''
}

/** Lower-cases the first letter unless the word looks like a name or acronym (`OCI`, `PID`). */
export function lowerFirst(text: string): string {
  if (/^[A-Z][a-z]/.test(text)) return text.charAt(0).toLowerCase() + text.slice(1)
  return text
}
