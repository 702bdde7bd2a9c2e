import type { Definition, Nodes, Root } from 'mdast'

/**
 * Turns reference-style links and images (`[text][spec]`, `[OCI][]`, `![logo][img]`) into
 * plain ones, from the file's `[spec]: https://…` definitions, so a card cut out of the note
 * still links: its HTML is rendered without the definitions. A reference with no definition is
 * left as written. Changes the tree in place, and doing it twice changes nothing.
 * @see https://spec.commonmark.org/0.31.2/#reference-link
 */
export function resolveReferences(root: Root): void {
  const definitions = new Map<string, Definition>()
  const collect = (node: Nodes) => {
    if (node.type === 'definition') {
      const key = normalizeLabel(node.identifier)
      if (!definitions.has(key)) definitions.set(key, node)
    }
    if ('children' in node) for (const child of node.children) collect(child)
  }
  collect(root)
  if (definitions.size === 0) return
  const replace = (node: Nodes) => {
    if (!('children' in node)) return
    node.children = node.children.map((child) => {
      const found =
        child.type === 'linkReference' || child.type === 'imageReference'
          ? definitions.get(normalizeLabel(child.identifier))
          : undefined
      if (child.type === 'linkReference' && found)
        return { type: 'link', url: found.url, title: found.title, children: child.children, position: child.position }
      if (child.type === 'imageReference' && found)
        return { type: 'image', url: found.url, title: found.title, alt: child.alt, position: child.position }
      return child
    }) as typeof node.children
    for (const child of node.children) replace(child as Nodes)
  }
  replace(root)
}

/** Labels match case-insensitively, with runs of white space as one space (CommonMark). */
function normalizeLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase()
}
