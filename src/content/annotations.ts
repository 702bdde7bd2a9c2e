import type { Nodes, Root } from 'mdast'

/** Id markers and `nocard` opt-outs found in a file's HTML comments and fence info strings. */
export interface Annotations {
  /** Line → marker id (`<!-- card: 7f3a9c21e0b4 -->` at the end of that line). */
  markers: Map<number, string>
  /** Lines ending with `<!-- nocard -->`. */
  noCardLines: Set<number>
  /** Inclusive line ranges wrapped in `<!-- nocard -->` … `<!-- /nocard -->`. */
  noCardRanges: Array<[number, number]>
}

type Report = (line: number, code: string, message: string) => void

const markerPattern = /<!--\s*card:\s*(.*?)\s*-->/

/** Whether a text (a fence's info string) carries an id marker. */
export const hasMarker = (text: string | null | undefined): boolean => markerPattern.test(text ?? '')
const idPattern = /^[0-9a-f]{12}$/
const noCardOpen = /^<!--\s*nocard\s*-->$/
const noCardClose = /^<!--\s*\/nocard\s*-->$/
/** An HTML node directly in these is a block of its own (a region fence), not the end of a line. */
const blockParents = new Set(['root', 'listItem', 'blockquote', 'footnoteDefinition'])

export function collectAnnotations(root: Root, report: Report): Annotations {
  const found: Annotations = { markers: new Map(), noCardLines: new Set(), noCardRanges: [] }
  let openAt: number | undefined
  const onComment = (value: string, line: number, blockLevel: boolean) => {
    const marker = markerPattern.exec(value)
    if (marker) {
      const id = marker[1] ?? ''
      if (!idPattern.test(id)) report(line, 'invalid-marker', `id marker \`${id}\` is not 12 hex digits: ignored`)
      else if (found.markers.has(line)) report(line, 'invalid-marker', 'two id markers on one line: the first is used')
      else found.markers.set(line, id)
      return
    }
    const comment = value.trim()
    if (noCardOpen.test(comment)) {
      if (!blockLevel) found.noCardLines.add(line)
      else if (openAt === undefined) openAt = line
    } else if (noCardClose.test(comment)) {
      if (openAt === undefined)
        report(line, 'nocard-unopened', '`<!-- /nocard -->` without an opening `<!-- nocard -->`')
      else found.noCardRanges.push([openAt, line])
      openAt = undefined
    }
  }
  const visit = (node: Nodes, parentType: string) => {
    const line = node.position?.start.line ?? 0
    if (node.type === 'html') onComment(node.value, line, blockParents.has(parentType))
    else if (node.type === 'code' && node.lang) onComment(`${node.lang} ${node.meta ?? ''}`, line, false)
    else if ('children' in node) for (const child of node.children) visit(child, node.type)
  }
  visit(root, 'root')
  if (openAt !== undefined) {
    report(openAt, 'nocard-unclosed', '`<!-- nocard -->` is never closed: no cards from here to the end of the file')
    found.noCardRanges.push([openAt, Number.POSITIVE_INFINITY])
  }
  return found
}

export function isOptedOut(found: Annotations, line: number): boolean {
  return found.noCardLines.has(line) || found.noCardRanges.some(([from, to]) => line >= from && line <= to)
}

/** The fence info string without any id marker or `nocard` comment in it. */
export function fenceLanguage(lang: string | null | undefined, meta: string | null | undefined): string {
  const info = `${lang ?? ''} ${meta ?? ''}`.replace(/<!--[\s\S]*?-->/g, '').trim()
  return (info.split(/\s+/)[0] ?? '').toLowerCase()
}
