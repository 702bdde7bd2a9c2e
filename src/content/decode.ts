import type { Diagnostic } from './types'

/** A source file's text, or the error that says why it is not a notes file. */
export type DecodedNotes = { text: string; bom: boolean } | { error: Diagnostic }

/**
 * Decodes a notes file as strict UTF-8. Invalid UTF-8 or control characters (NUL and friends)
 * mean the file is binary or corrupt: an error naming the line, never an exception.
 */
export function decodeNotes(bytes: Uint8Array, file: string): DecodedNotes {
  const bad = firstInvalidUtf8(bytes)
  if (bad >= 0) {
    return {
      error: junk(file, lineAt(bytes, bad), `is not valid UTF-8 text (byte 0x${hex(bytes[bad])} at offset ${bad})`),
    }
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const text = new TextDecoder('utf-8').decode(bytes)
  const control = findControlCharacter(text)
  return control ? { error: junk(file, control.line, control.message) } : { text, bom }
}

/** Finds NUL and other C0 control characters (tab, newlines and form feed are text). */
export function findControlCharacter(text: string): { line: number; message: string } | undefined {
  let line = 1
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index)
    if (code === 0x0a) line += 1
    if (code > 0x1f && code !== 0x7f) continue
    if (code === 0x09 || code === 0x0a || code === 0x0b || code === 0x0c || code === 0x0d) continue
    const name = code.toString(16).padStart(4, '0').toUpperCase()
    return { line, message: `contains a control character U+${name}: binary data, not Markdown` }
  }
  return undefined
}

function junk(file: string, line: number, message: string): Diagnostic {
  return { severity: 'error', file, line, code: 'unreadable-file', message: `file ${message}` }
}

function hex(byte: number | undefined): string {
  return (byte ?? 0).toString(16).padStart(2, '0')
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1
  return line
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0
    if (byte < 0x80) {
      index += 1
      continue
    }
    let need: number
    let min: number
    if (byte >= 0xc2 && byte <= 0xdf) [need, min] = [1, 0x80]
    else if (byte >= 0xe0 && byte <= 0xef) [need, min] = [2, 0x800]
    else if (byte >= 0xf0 && byte <= 0xf4) [need, min] = [3, 0x10000]
    else return index
    let code = byte & (0x3f >> need)
    for (let k = 1; k <= need; k += 1) {
      const next = bytes[index + k]
      if (next === undefined || (next & 0xc0) !== 0x80) return index
      code = (code << 6) | (next & 0x3f)
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return index
    index += need + 1
  }
  return -1
}
