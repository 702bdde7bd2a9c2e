import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { parse } from 'yaml'
import type { Blueprint } from '../domain/exam/blueprint'
import { checkBlueprintTopics, readBlueprint } from './blueprint'
import { byPlace, compileDeck, type DeckCompilation } from './compile-deck'
import { decodeNotes } from './decode'
import { peekDeck } from './front-matter'
import { fileSlug } from './slug'
import type { Diagnostic } from './types'

/** A compiled deck and the folder its `source.file` paths are relative to. */
export interface LoadedDeck extends DeckCompilation {
  dir: string
}

const isMarkdown = (name: string) => /\.(md|markdown)$/i.test(name)

/** Whether `dir` is a deck folder (`content/<deck>/`, or any folder with a `deck.yaml`). */
export function isDeckFolder(dir: string): boolean {
  return existsSync(join(dir, 'deck.yaml')) || basename(dirname(resolve(dir))) === 'content'
}

/** Every deck under `content/`: each sub-folder holding Markdown files or a `deck.yaml`. */
export async function loadContent(contentDir: string): Promise<LoadedDeck[]> {
  const entries = await readdir(contentDir, { withFileTypes: true })
  const decks: LoadedDeck[] = []
  for (const entry of entries.filter((item) => item.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const dir = join(contentDir, entry.name)
    const names = await readdir(dir)
    if (names.some(isMarkdown) || names.includes('deck.yaml')) decks.push(await loadDeck(dir))
  }
  return decks
}

/** A deck folder: `*.md` (front matter required) plus an optional `deck.yaml` {title, description}. */
export async function loadDeck(dir: string): Promise<LoadedDeck> {
  const slug = fileSlug(basename(dir))
  const diagnostics: Diagnostic[] = []
  const meta = await readDeckYaml(dir, diagnostics)
  const names = (await readdir(dir)).filter(isMarkdown).sort()
  const files = await readNotes(dir, names, diagnostics)
  const deck = compileDeck({ slug, ...meta, files, strict: true })
  if (meta.blueprint) checkBlueprintTopics(meta.blueprint, deck.topics, diagnostics)
  return finish(dir, deck, diagnostics)
}

/**
 * Any Markdown file or folder. A file inside a deck folder compiles with its deck (so ids are
 * the deck's) and keeps only its own cards; any other file or folder needs no front matter:
 * the deck and topics are named after the files.
 */
export async function loadNotes(path: string): Promise<LoadedDeck> {
  if ((await stat(path)).isDirectory()) {
    if (isDeckFolder(path)) return loadDeck(path)
    const diagnostics: Diagnostic[] = []
    const names = (await listMarkdown(path)).sort()
    const files = await readNotes(path, names, diagnostics)
    return finish(path, compileDeck({ slug: fileSlug(basename(path)), files, strict: false }), diagnostics)
  }
  const dir = dirname(path)
  const name = basename(path)
  if (isDeckFolder(dir)) {
    const deck = await loadDeck(dir)
    return {
      ...deck,
      cards: deck.cards.filter((card) => card.source.file === name),
      topics: deck.topics.filter((topic) => topic.file === name),
      diagnostics: deck.diagnostics.filter((item) => item.file === name),
      markerSlots: deck.markerSlots.filter((slot) => slot.file === name),
    }
  }
  const diagnostics: Diagnostic[] = []
  const files = await readNotes(dir, [name], diagnostics)
  const slug = peekDeck(files[0]?.text ?? '') ?? fileSlug(name)
  return finish(dir, compileDeck({ slug, files, strict: false }), diagnostics)
}

async function readNotes(dir: string, names: readonly string[], diagnostics: Diagnostic[]) {
  const files: Array<{ file: string; text: string }> = []
  for (const name of names) {
    const decoded = decodeNotes(await readFile(join(dir, name)), name)
    if ('error' in decoded) diagnostics.push(decoded.error)
    else files.push({ file: name, text: decoded.text })
  }
  return files
}

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

async function listMarkdown(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && isMarkdown(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.split('/').some((part) => part === 'node_modules' || part.startsWith('.')))
}

function finish(dir: string, deck: DeckCompilation, diagnostics: Diagnostic[]): LoadedDeck {
  const all = [...diagnostics, ...deck.diagnostics].sort(byPlace)
  return { ...deck, diagnostics: all, dir }
}
