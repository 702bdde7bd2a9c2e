import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { parse } from 'yaml'
import type { Blueprint } from '../domain/exam/blueprint'
import { checkBlueprintTopics, readBlueprint } from './blueprint'
import { byPlace, compileDeck, type DeckCompilation } from './compile-deck'
import { byPath, type FolderNote, isNotePath, isSkippedFolder, readFolder } from './folder'
import { peekDeck } from './front-matter'
import { fileSlug } from './slug'
import type { Diagnostic } from './types'

/** A compiled deck and the folder its `source.file` paths are relative to. */
export interface LoadedDeck extends DeckCompilation {
  dir: string
}

/** Whether `dir` is a deck folder (`content/<deck>/`, or any folder with a `deck.yaml`). */
export function isDeckFolder(dir: string): boolean {
  return existsSync(join(dir, 'deck.yaml')) || basename(dirname(resolve(dir))) === 'content'
}

/** Whether `dir` holds decks rather than notes: it is `content/`, or a sub-folder has a `deck.yaml`. */
export async function isContentRoot(dir: string): Promise<boolean> {
  if (basename(resolve(dir)) === 'content') return true
  const entries = await readdir(dir, { withFileTypes: true })
  return entries.some((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'deck.yaml')))
}

/** Every deck under `content/`: each sub-folder holding notes (at any depth) or a `deck.yaml`. */
export async function loadContent(contentDir: string): Promise<LoadedDeck[]> {
  const entries = await readdir(contentDir, { withFileTypes: true })
  const decks: LoadedDeck[] = []
  for (const entry of entries.filter((item) => item.isDirectory() && !isSkippedFolder(item.name)).sort(byName)) {
    const dir = join(contentDir, entry.name)
    if (existsSync(join(dir, 'deck.yaml')) || (await filesBelow(dir)).some(isNotePath)) decks.push(await loadDeck(dir))
  }
  return decks
}

/**
 * A deck folder: its notes at every depth (front matter optional: deck, topic and title default
 * from the folder, the note's path and its heading) plus an optional `deck.yaml`
 * {title, description, blueprint}.
 */
export async function loadDeck(dir: string): Promise<LoadedDeck> {
  const slug = fileSlug(basename(dir))
  const diagnostics: Diagnostic[] = []
  const meta = await readDeckYaml(dir, diagnostics)
  const files = await readNotes(dir, diagnostics)
  const deck = compileDeck({ slug, ...meta, files, strict: true })
  if (meta.blueprint) checkBlueprintTopics(meta.blueprint, deck.topics, diagnostics)
  return finish(dir, deck, diagnostics)
}

/**
 * Any Markdown file or folder. A file inside a deck folder (at any depth) compiles with its deck
 * (so ids are the deck's) and keeps only its own cards; any other folder is one deck named after
 * it, read as a deck folder is; any other file a deck of its own (its front matter `deck`, or
 * its name).
 */
export async function loadNotes(path: string): Promise<LoadedDeck> {
  if ((await stat(path)).isDirectory()) {
    if (isDeckFolder(path)) return loadDeck(path)
    const diagnostics: Diagnostic[] = []
    const files = await readNotes(path, diagnostics)
    return finish(path, compileDeck({ slug: fileSlug(basename(path)), files, strict: false }), diagnostics)
  }
  const deckDir = enclosingDeck(path)
  if (deckDir) {
    const file = relative(deckDir, path).split(sep).join('/')
    const deck = await loadDeck(deckDir)
    return {
      ...deck,
      cards: deck.cards.filter((card) => card.source.file === file),
      topics: deck.topics.filter((topic) => topic.file === file),
      diagnostics: deck.diagnostics.filter((item) => item.file === file),
      markerSlots: deck.markerSlots.filter((slot) => slot.file === file),
    }
  }
  const dir = dirname(path)
  const name = basename(path)
  const diagnostics: Diagnostic[] = []
  const read = await readFolder([name], (file) => readFile(join(dir, file)))
  diagnostics.push(...read.diagnostics)
  const slug = peekDeck(read.notes[0]?.text ?? '') ?? fileSlug(name)
  return finish(dir, compileDeck({ slug, files: read.notes, strict: false }), diagnostics)
}

/** The deck folder a file is in, at any depth, if any. */
function enclosingDeck(path: string): string | undefined {
  let dir = dirname(resolve(path))
  while (dir !== dirname(dir)) {
    if (isDeckFolder(dir)) return dir
    dir = dirname(dir)
  }
  return undefined
}

/** The notes of a folder on disk, through the one folder reader every other reader uses. */
async function readNotes(dir: string, diagnostics: Diagnostic[]): Promise<FolderNote[]> {
  const read = await readFolder(await filesBelow(dir), (file) => readFile(join(dir, ...file.split('/'))))
  diagnostics.push(...read.diagnostics)
  return read.notes
}

/** Every file below `dir` as a relative path with `/`, not descending into skipped folders. */
async function filesBelow(dir: string, prefix = ''): Promise<string[]> {
  const paths: string[] = []
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`
    if (entry.isDirectory() && !isSkippedFolder(entry.name)) paths.push(...(await filesBelow(dir, `${path}/`)))
    else if (entry.isFile()) paths.push(path)
  }
  return paths
}

const byName = (a: { name: string }, b: { name: string }) => byPath(a.name, b.name)

async function readDeckYaml(
  dir: string,
  diagnostics: Diagnostic[],
): Promise<{ title?: string; description?: string; blueprint?: Blueprint }> {
  const path = join(dir, 'deck.yaml')
  if (!existsSync(path)) return {}
  try {
    const data: unknown = parse(await readFile(path, 'utf8'))
    const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {}
    const pick = (key: string) => (typeof record[key] === 'string' ? (record[key] as string).trim() : undefined)
    const blueprint = readBlueprint(record.blueprint, diagnostics)
    return { title: pick('title'), description: pick('description'), ...(blueprint ? { blueprint } : {}) }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    diagnostics.push({
      severity: 'error',
      file: 'deck.yaml',
      line: 1,
      code: 'deck-yaml-invalid',
      message: `deck.yaml is not valid YAML: ${reason}`,
    })
    return {}
  }
}

function finish(dir: string, deck: DeckCompilation, diagnostics: Diagnostic[]): LoadedDeck {
  const all = [...diagnostics, ...deck.diagnostics].sort(byPlace)
  return { ...deck, diagnostics: all, dir }
}
