import { sha256Hex } from '../security/sha256'
import type { Block } from './draft'
import { normalize } from './text'
import type { Diagnostic } from './types'

/**
 * A block's id when it has no marker: the first 12 hex digits of SHA-256 over deck + heading
 * path (below the file's title heading) + rule + parent terms + term or prompt, compared
 * case- and whitespace-insensitively. File name, topic and answer are deliberately left out.
 * `occurrence` separates blocks that would otherwise collide (the same term twice in a section).
 */
export function derivedId(deck: string, headings: readonly string[], key: readonly string[], occurrence = 1): string {
  const parts = [deck, ...headings.map(normalize), '§', ...key.map(normalize)]
  if (occurrence > 1) parts.push(`#${occurrence}`)
  return sha256Hex(parts.join('\u001f')).slice(0, 12)
}

/**
 * Gives every block its id. Markers are taken first, deck-wide, so a derived id can never take
 * a marker's id; a marker used twice is an error and its second block is dropped.
 */
export function assignIds(
  deck: string,
  blocks: ReadonlyArray<{ file: string; block: Block }>,
  diagnostics: Diagnostic[],
): Set<Block> {
  const dropped = new Set<Block>()
  const used = new Map<string, string>()
  for (const { file, block } of blocks) {
    if (!block.marker) continue
    const at = `${file}:${block.anchorLine}`
    const other = used.get(block.marker)
    if (other) {
      diagnostics.push({
        severity: 'error',
        file,
        line: block.anchorLine,
        code: 'duplicate-id',
        message: `id ${block.marker} is also used at ${other}: no card from here`,
      })
      dropped.add(block)
      continue
    }
    used.set(block.marker, at)
    block.id = block.marker
  }
  for (const { file, block } of blocks) {
    if (block.marker) continue
    let occurrence = 1
    let id = derivedId(deck, block.section.idHeadings, block.key)
    while (used.has(id)) {
      occurrence += 1
      id = derivedId(deck, block.section.idHeadings, block.key, occurrence)
    }
    used.set(id, `${file}:${block.anchorLine}`)
    block.id = id
  }
  return dropped
}
