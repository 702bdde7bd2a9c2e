import Papa from 'papaparse'
import { csvUnguard } from '../../format'
import type { NoteText } from '../own-deck'
import { fileSlug } from '../slug'
import { badFile, tooLarge } from './errors'
import { markdownLines } from './text'

/** Longest field of a row, in characters: a card side longer than this is not a flashcard. */
export const maxFieldChars = 16 * 1024

/** Bytes of one generated note before the next rows go to a new note (under `deckLimits.noteBytes`). */
export const noteChunkBytes = 192 * 1024

const encoder = new TextEncoder()

/** Splits a note's blocks into runs whose UTF-8 size, blank lines between, stays under `noteChunkBytes`. */
export function chunkBlocks(blocks: readonly string[]): string[][] {
  const chunks: string[][] = [[]]
  let size = 0
  for (const block of blocks) {
    const bytes = encoder.encode(block).length
    if (size + bytes > noteChunkBytes && chunks[chunks.length - 1]!.length > 0) {
      chunks.push([])
      size = 0
    }
    chunks[chunks.length - 1]!.push(block)
    size += bytes + 2
  }
  return chunks
}

/**
 * A Quizlet export (term and definition per row; tab, comma or semicolon between them, which
 * Papa Parse detects; `.tsv` is always tabs) as one note of `?` cards, a question, a `?` line
 * and the answer, so multi-line definitions keep their lines. A third column, when present, is
 * taken as space-separated tags. Row numbers in errors count from 1, as a spreadsheet does. A
 * cell's formula guard (`'=…`, as our export writes it) is taken off: `csvUnguard`.
 */
export function tableNotes(file: string, text: string): NoteText[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: file.toLowerCase().endsWith('.tsv') ? '\t' : '',
    delimitersToGuess: ['\t', ',', ';', '|'],
    skipEmptyLines: 'greedy',
  })
  const fatal = parsed.errors.find((error) => error.type === 'Quotes')
  if (fatal) throw badFile(file, fatal.message, { row: (fatal.row ?? 0) + 1 })
  const blocks: string[] = []
  parsed.data.forEach((row, index) => {
    const at = { row: index + 1 }
    const [term = '', definition = '', tags = ''] = row.map((cell) => csvUnguard(cell).trim())
    if (row.some((cell) => cell.length > maxFieldChars))
      throw tooLarge(file, `row ${at.row} has a field over ${maxFieldChars} characters`)
    if (term === '' && definition === '') return
    // A header row, as spreadsheets write one (Quizlet itself writes none).
    if (index === 0 && /^(term|front|question)$/i.test(term) && /^(definition|back|answer)$/i.test(definition)) return
    if (term === '') throw badFile(file, 'the term is empty', at)
    if (definition === '') throw badFile(file, `the definition of "${term.slice(0, 40)}" is empty`, at)
    const tagLine = tags
      .split(/\s+/)
      .filter((tag) => /^\p{L}[\p{L}\p{N}_/-]*$/u.test(tag))
      .map((tag) => `#${tag}`)
      .join(' ')
    const answer = markdownLines(definition)
    if (tagLine) answer.push(tagLine)
    blocks.push([...markdownLines(term), '?', ...answer].join('\n'))
  })
  if (blocks.length === 0) throw badFile(file, 'no rows with a term and a definition')
  const name = file.replace(/\.(csv|tsv|txt)$/i, '')
  const title = (name.split('/').pop() ?? name).replace(/[\\`*_[\]<>#]/g, '\\$&')
  // A long table is several notes, each under the note size limit.
  const chunks = chunkBlocks(blocks)
  return chunks.map((chunk, index) => ({
    path: index === 0 ? `${fileSlug(name)}.md` : `${fileSlug(name)}-${index + 1}.md`,
    text: `# ${title}${index === 0 ? '' : ` (${index + 1})`}\n\n${chunk.join('\n\n')}\n`,
  }))
}
