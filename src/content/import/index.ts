import { isNotePath, isSkippedFolder, readFolder } from '../folder'
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
      const base = name.split(/[\\/]/).pop() ?? name
      const notes = await folderNotes(name, [base], () => file.bytes)
      if (notes.length === 0) throw badFile(name, `the note's path ${notePathRule}`)
      plan.notes.push(...notes)
      plan.files.push({ name, notes: notes.length })
    } else if (lower.endsWith('.zip')) {
      const names: string[] = []
      const entries = readArchive(name, file.bytes, (entry) => {
        names.push(entry)
        return isNotePath(entry)
      })
      const root = vaultFolder(names)
      const notes = await folderNotes(
        name,
        [...entries.keys()].map((entry) => entry.slice(root.length)),
        (path) => entries.get(`${root}${path}`) ?? new Uint8Array(),
      )
      if (notes.length === 0) throw badFile(name, 'the archive holds no Markdown (.md) notes')
      plan.notes.push(...notes)
      plan.files.push({ name, notes: notes.length })
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

/**
 * An uploaded folder's notes, read by the one folder reader the content CLI and `content/` use
 * (`readFolder`): the same notes, the same order; a file that is not text refuses the upload.
 */
async function folderNotes(
  upload: string,
  paths: readonly string[],
  read: (path: string) => Uint8Array,
): Promise<NoteText[]> {
  const folder = await readFolder(paths, read)
  const [unreadable] = folder.diagnostics
  if (unreadable) {
    const file = upload.endsWith(unreadable.file) ? upload : `${upload}/${unreadable.file}`
    throw badFile(file, unreadable.message.replace(/^file /, ''), { line: unreadable.line })
  }
  return folder.notes.map((note) => ({ path: notePath(note.file), text: note.text }))
}

/**
 * The folder a zipped vault was packed in (`vault/` when every entry is below it), so note paths
 * start inside the vault, as they do in `content/<deck>/`. One level only: a vault zipped from
 * inside, with a single sub-folder of notes, keeps that folder as its notes' topic.
 */
function vaultFolder(names: readonly string[]): string {
  const entries = names.filter((name) => !isSkippedFolder(name.split('/')[0] ?? ''))
  const first = entries[0]?.split('/')
  if (!first || first.length < 2) return ''
  const folder = `${first[0]}/`
  return entries.every((name) => name.startsWith(folder)) ? folder : ''
}
