import type { MarkerSlot } from './types'

export function markerComment(id: string): string {
  return `<!-- card: ${id} -->`
}

/**
 * Writes an id marker into every slot of one file and changes nothing else: each marker is
 * inserted as ` <!-- card: id -->` at the end of its line (before trailing spaces, a hard-break
 * backslash or an ATX closing `##`), or at the end of a fence's info string. Line endings,
 * a BOM and all other bytes stay as they were. Running it on its own output changes nothing,
 * because a compiled file with markers has no slots left.
 */
export function insertMarkers(text: string, slots: readonly MarkerSlot[]): string {
  const starts = lineStarts(text)
  const edits = slots
    .map((slot) => ({ at: insertionPoint(text, starts, slot), insert: ` ${markerComment(slot.id)}` }))
    .filter((edit) => edit.at >= 0)
    .sort((a, b) => b.at - a.at)
  let out = text
  for (const edit of edits) out = out.slice(0, edit.at) + edit.insert + out.slice(edit.at)
  return out
}

/** Offsets where each line starts; line endings as CommonMark counts them (`\n`, `\r\n`, `\r`). */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length)
  return starts
}

function insertionPoint(text: string, starts: readonly number[], slot: MarkerSlot): number {
  const start = starts[slot.line - 1]
  if (start === undefined) return -1
  const next = starts[slot.line]
  let end = next === undefined ? text.length : next
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end -= 1
  const line = text.slice(start, end)
  let kept: RegExp
  if (slot.at === 'fence-info') kept = /[ \t]*$/
  else if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(line)) kept = /(?:[ \t]+#+)?[ \t]*$/
  else kept = /[ \t]*\\?[ \t]*$/
  return end - (kept.exec(line)?.[0].length ?? 0)
}
