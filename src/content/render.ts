import type { Root as HastRoot } from 'hast'
import { defaultSchema, sanitize } from 'hast-util-sanitize'
import { toHtml } from 'hast-util-to-html'
import type { PhrasingContent, Root, RootContent } from 'mdast'
import { toHast } from 'mdast-util-to-hast'

const blockTypes = new Set([
  'paragraph',
  'heading',
  'list',
  'listItem',
  'code',
  'blockquote',
  'table',
  'thematicBreak',
  'html',
  'definition',
  'footnoteDefinition',
  'yaml',
])

/**
 * Renders a card side to HTML once, at compile time. Raw HTML in the notes is dropped by
 * `toHast` (no `allowDangerousHtml`), so id markers and comments never reach the page; the
 * GitHub-style default schema then strips anything unsafe, such as `javascript:` links.
 * @see https://github.com/syntax-tree/hast-util-sanitize#defaultschema
 */
export function renderHtml(nodes: readonly RootContent[]): string {
  // Inline content becomes one paragraph, as Markdown would render it.
  const inline = nodes.every((node) => !blockTypes.has(node.type))
  const children: RootContent[] = inline ? [{ type: 'paragraph', children: nodes as PhrasingContent[] }] : [...nodes]
  const root: Root = { type: 'root', children }
  const hast = toHast(root) as HastRoot
  return toHtml(sanitize(hast, defaultSchema) as HastRoot).trim()
}

/**
 * Prose without the authoring markers the compiler reads (rules/explicit.ts, rules/cloze.ts): a
 * reader of the note sees `Question? — Answer`, not `Question? :: Answer`, and cloze text bare.
 */
export function withoutCardSyntax(text: string): string {
  return text
    .replace(/\{\{c\d+::(.*?)(?:::[^}]*)?\}\}/g, '$1')
    .replace(/[ \t]+:::?(?=\s|$)[ \t]*/g, ' — ')
    .replace(/==(?=\S)|(?<=\S)==/g, '')
}

/**
 * Renders a whole note for the "open the source" page: sanitised like card sides, then each
 * heading, in order, gets the anchor the compiler gave its section (set after sanitising, since
 * the sanitiser would prefix ids; the slugs are letters, digits and dashes only).
 */
export function renderNote(blocks: readonly RootContent[], headingAnchors: readonly string[]): string {
  const hast = sanitize(toHast({ type: 'root', children: [...blocks] }) as HastRoot, defaultSchema) as HastRoot
  let next = 0
  const visit = (node: HastRoot | HastRoot['children'][number]) => {
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) {
      const anchor = headingAnchors[next++]
      if (anchor) node.properties = { ...node.properties, id: anchor }
    }
    if (node.type === 'text') node.value = withoutCardSyntax(node.value)
    // Code shows commands exactly as written: `::` or `==` there is not card syntax.
    if (node.type === 'element' && (node.tagName === 'code' || node.tagName === 'pre')) return
    if ('children' in node) for (const child of node.children) visit(child as HastRoot['children'][number])
  }
  visit(hast)
  return toHtml(hast).trim()
}
