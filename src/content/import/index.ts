import { notePath as checkedPath, notePathRule } from '../note-path'
import type { NoteText } from '../own-deck'
import { ankiToNotes } from './anki-notes'
import { readAnkiPackage } from './anki-package'
import { readArchive } from './archive'
import { badFile } from './errors'
import type { ImportedCard } from './history'
import { tableNotes } from './table'

export interface UploadedFile {
  name: string
  bytes: Uint8Array
}

export interface ImportPlan {
  notes: NoteText[]
  /** Review history and schedules of the imported cards, keyed by unscoped card id. */
  cards: ImportedCard[]
  files: Array<{
    name: string
    notes: number
    ankiNotes?: number
    cards?: number
    reviews?: number
    skippedCards?: number
    media?: unknown
  }>
}

const decoder = new TextDecoder('utf-8', { fatal: true })

function text(file: string, bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    throw badFile(file, 'not UTF-8 text')
  }
}

/** The note path an uploaded Markdown file gets: its name, folders kept, always `.md`. */
function notePath(name: string): string {
  return name.replace(/^\/+/, '').replace(/\.markdown$/i, '.md')
}

/**
 * Turns uploaded files into notes (and, for Anki, review history), or throws a problem naming
 * the file: `.md`, a `.zip` of a folder (its `.md` files, folders kept: an Obsidian vault), a
 * `.csv`/`.tsv` (Quizlet), an `.apkg`/`.colpkg` (Anki). Nothing is written here.
 */
export async function readUpload(files: readonly UploadedFile[], now: number): Promise<ImportPlan> {
  const plan: ImportPlan = { notes: [], cards: [], files: [] }
  for (const file of files) {
    const name = file.name
    const lower = name.toLowerCase()
    if (lower.endsWith('.md') || lower.endsWith('.markdown')) {
      plan.notes.push({ path: notePath(name.split(/[\\/]/).pop() ?? name), text: text(name, file.bytes) })
      plan.files.push({ name, notes: 1 })
    } else if (lower.endsWith('.zip')) {
      const entries = readArchive(name, file.bytes, (entry) => /\.(md|markdown)$/i.test(entry) && !isHidden(entry))
      const root = commonFolder([...entries.keys()])
      for (const [entry, bytes] of entries)
        plan.notes.push({ path: notePath(entry.slice(root.length)), text: text(`${name}/${entry}`, bytes) })
      if (entries.size === 0) throw badFile(name, 'the archive holds no Markdown (.md) notes')
      plan.files.push({ name, notes: entries.size })
    } else if (lower.endsWith('.csv') || lower.endsWith('.tsv')) {
      const notes = tableNotes(name, text(name, file.bytes))
      plan.notes.push(...notes)
      plan.files.push({ name, notes: notes.length })
    } else if (lower.endsWith('.apkg') || lower.endsWith('.colpkg')) {
      const anki = ankiToNotes(name, await readAnkiPackage(name, file.bytes), now)
      if (anki.notes.length === 0) throw badFile(name, 'the package holds no notes that make cards')
      plan.notes.push(...anki.notes)
      plan.cards.push(...anki.cards)
      plan.files.push({ name, ...anki.report, notes: anki.notes.length, ankiNotes: anki.report.notes })
    } else {
      throw badFile(name, 'not a file type that imports: .md, .zip, .csv, .tsv, .apkg or .colpkg')
    }
  }
  const paths = new Set<string>()
  for (const note of plan.notes) {
    if (checkedPath(note.path) !== note.path) throw badFile(note.path, `the note's path ${notePathRule}`)
    if (paths.has(note.path)) throw badFile(note.path, 'two uploaded files make a note at this path')
    paths.add(note.path)
  }
  return plan
}

/** Dot folders (`.obsidian/`, `.trash/`) and macOS resource forks hold no notes. */
function isHidden(entry: string): boolean {
  return entry.split('/').some((part) => part.startsWith('.') || part === '__MACOSX')
}

/** The folder every entry is in (a zipped vault folder), so paths start inside it. */
function commonFolder(paths: readonly string[]): string {
  const first = paths[0]
  if (!first || paths.length === 0) return ''
  const parts = first.split('/').slice(0, -1)
  let prefix = ''
  for (const part of parts) {
    const next = `${prefix}${part}/`
    if (!paths.every((path) => path.startsWith(next))) break
    prefix = next
  }
  return prefix
}
