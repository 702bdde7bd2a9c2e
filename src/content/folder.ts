import { decodeNotes } from './decode'
import { fileSlug } from './slug'
import type { Diagnostic } from './types'

/**
 * Reading a folder of notes, wherever the folder comes from: a deck folder under `content/`, a
 * folder given to the content CLI, or a zipped vault uploaded into a deck. Every reader lists the
 * folder's files and hands them here, so all of them read the same notes in the same order.
 */

/** A note of a folder: its path below the folder (forward slashes) and its text. */
export interface FolderNote {
  file: string
  text: string
  /** Whether the file began with a byte-order mark (kept when `content:ids` rewrites it). */
  bom: boolean
}

export interface FolderRead {
  notes: FolderNote[]
  /** A file that is not text (`unreadable-file`), named by its path below the folder. */
  diagnostics: Diagnostic[]
}

/** Folders that hold no notes: hidden ones (`.obsidian`, `.git`, `.trash`), dependencies, macOS forks. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules' || name === '__MACOSX'
}

/** Whether a path below a folder of notes is a note: Markdown, not hidden, in no skipped folder. */
export function isNotePath(path: string): boolean {
  const parts = path.split('/')
  const name = parts.pop() ?? ''
  return /\.(md|markdown)$/i.test(name) && !name.startsWith('.') && !parts.some(isSkippedFolder)
}

/** Code-unit order of paths: the same on every machine and file system, whatever the locale. */
export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The notes among `paths` (every file of the folder, relative to it), at any depth, in path
 * order, each decoded as strict UTF-8. A file that is not text is a diagnostic, not a note.
 */
export async function readFolder(
  paths: Iterable<string>,
  read: (path: string) => Uint8Array | Promise<Uint8Array>,
): Promise<FolderRead> {
  const result: FolderRead = { notes: [], diagnostics: [] }
  for (const file of [...paths].filter(isNotePath).sort(byPath)) {
    const decoded = decodeNotes(await read(file), file)
    if ('error' in decoded) result.diagnostics.push(decoded.error)
    else result.notes.push({ file, text: decoded.text, bom: decoded.bom })
  }
  return result
}

/**
 * The topic of a note whose front matter names none: its path below the deck, folders and file
 * name as one slug (`networking/overlay/vxlan.md` → `networking-overlay-vxlan`). A topic is one
 * note in dockdeck (its page, its anchors, its readiness row), so the folders qualify the file's
 * name rather than gather several notes into one topic.
 */
export function pathTopic(file: string): string {
  return file.split('/').map(fileSlug).join('-')
}

/**
 * The title of a note with neither front matter `title` nor an opening heading: its file name
 * without extension, dashes and underscores as spaces, first letter capitalised, the rest as
 * written (`VXLAN.md` → "VXLAN", `cheat_sheet.md` → "Cheat sheet").
 */
export function fileTitle(file: string): string {
  const name = (file.split('/').pop() ?? file).replace(/\.(md|markdown)$/i, '')
  const words = name.replace(/[-_\s]+/g, ' ').trim()
  return words === '' ? 'Notes' : words.charAt(0).toUpperCase() + words.slice(1)
}
