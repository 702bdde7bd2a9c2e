import { statSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { decodeNotes } from '../content/decode'
import { insertMarkers } from '../content/id-markers'
import { isContentRoot, isDeckFolder, type LoadedDeck, loadContent, loadNotes } from '../content/load'
import { useParseCache } from '../content/parse'
import type { Diagnostic } from '../content/types'
import { diskParseCache } from './parse-cache'

const usage = `usage: tsx src/cli/content.ts <command>
  check [dir=content]           compile every deck, list cards and problems; exit 1 on errors
  export <file-or-dir> --json   print the cards as a JSON array on stdout
  ids [dir=content]             write the missing id markers into the notes
  sync [dir=content]            sync the decks to DATABASE_URL (default file:data/dockdeck.db)`

/** A content root (`content/`, or a folder of deck folders with `deck.yaml`), or any Markdown file or folder. */
async function decksAt(path: string): Promise<LoadedDeck[]> {
  const root = statSync(path).isDirectory() && !isDeckFolder(path) && (await isContentRoot(path))
  return root ? loadContent(path) : [await loadNotes(path)]
}

const where = (deck: LoadedDeck, item: Diagnostic) =>
  `${relative('.', join(deck.dir, item.file)) || item.file}:${item.line}`
const format = (deck: LoadedDeck, item: Diagnostic) =>
  `${where(deck, item)}: ${item.severity}: ${item.message} [${item.code}]`

function countBy<T>(items: readonly T[], key: (item: T) => string): string {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return [...counts].map(([name, count]) => `${name} ${count}`).join(', ')
}

async function check(path: string): Promise<number> {
  const decks = await decksAt(path)
  let errors = 0
  let warnings = 0
  for (const deck of decks) {
    console.log(`deck ${deck.slug} (${relative('.', deck.dir) || '.'}): ${deck.cards.length} cards`)
    const files = [
      ...new Set([...deck.topics.map((topic) => topic.file), ...deck.diagnostics.map((item) => item.file)]),
    ]
    for (const file of files) {
      const cards = deck.cards.filter((card) => card.source.file === file)
      console.log(
        `  ${file}: ${cards.length} cards${cards.length > 0 ? ` (${countBy(cards, (card) => card.kind)})` : ''}`,
      )
      for (const item of deck.diagnostics.filter((diagnostic) => diagnostic.file === file))
        console.log(`    ${format(deck, item)}`)
    }
    console.log(`  by topic: ${countBy(deck.cards, (card) => card.topic) || 'none'}`)
    errors += deck.diagnostics.filter((item) => item.severity === 'error').length
    warnings += deck.diagnostics.filter((item) => item.severity === 'warning').length
  }
  const cards = decks.reduce((sum, deck) => sum + deck.cards.length, 0)
  console.log(`${cards} cards in ${decks.length} deck(s): ${errors} error(s), ${warnings} warning(s)`)
  return errors > 0 ? 1 : 0
}

async function exportCards(path: string): Promise<number> {
  const decks = await decksAt(path)
  const cards = decks.flatMap((deck) =>
    deck.cards.map((card) => ({
      id: card.id,
      kind: card.kind,
      topic: card.topic,
      prompt: card.prompt,
      answer: card.answer,
      source: card.source,
      html: { prompt: card.promptHtml, answer: card.answerHtml },
    })),
  )
  process.stdout.write(`${JSON.stringify(cards, null, 2)}\n`)
  const problems = decks.flatMap((deck) => deck.diagnostics.map((item) => ({ deck, item })))
  for (const { deck, item } of problems) console.error(format(deck, item))
  return problems.some(({ item }) => item.severity === 'error') ? 1 : 0
}

async function writeIds(path: string): Promise<number> {
  let total = 0
  for (const deck of await decksAt(path)) {
    for (const file of [...new Set(deck.markerSlots.map((slot) => slot.file))]) {
      const slots = deck.markerSlots.filter((slot) => slot.file === file)
      const target = join(deck.dir, file)
      const decoded = decodeNotes(await readFile(target), file)
      if ('error' in decoded) continue
      const text = insertMarkers(decoded.text, slots)
      await writeFile(target, `${decoded.bom ? '\uFEFF' : ''}${text}`)
      console.log(`${relative('.', target)}: ${slots.length} marker(s) added`)
      total += slots.length
    }
  }
  console.log(`${total} marker(s) added`)
  return 0
}

async function sync(path: string): Promise<number> {
  // Loaded here only: the database client and migrations cost `check` most of its start-up.
  const [{ connectDatabase }, { migrateDatabase }, { syncContent }] = await Promise.all([
    import('../db/connect'),
    import('../db/migrate'),
    import('../services/content-sync'),
  ])
  const url = process.env.DATABASE_URL || 'file:data/dockdeck.db'
  const { db, close } = await connectDatabase({ url, authToken: process.env.DATABASE_AUTH_TOKEN || undefined })
  try {
    await migrateDatabase(db)
    const report = await syncContent(db, path, Date.now())
    for (const { deck, result } of report.results) {
      if (!result) console.log(`${deck}: not synced (errors below)`)
      else
        console.log(
          `${deck}: ${result.added} added, ${result.updated} updated, ${result.retired} retired, ${result.revived} revived, ${result.unchanged} unchanged`,
        )
    }
    const errors = report.diagnostics.filter((item) => item.severity === 'error')
    for (const item of errors)
      console.error(`${join(path, item.file)}:${item.line}: error: ${item.message} [${item.code}]`)
    console.log(`${report.cards} live cards in ${report.decks} deck(s)`)
    return errors.length > 0 ? 1 : 0
  } finally {
    close()
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const args = rest.filter((arg) => !arg.startsWith('--'))
  switch (command) {
    case 'check':
      return check(args[0] ?? 'content')
    case 'export':
      if (!args[0]) break
      return exportCards(args[0])
    case 'ids':
      return writeIds(args[0] ?? 'content')
    case 'sync':
      return sync(args[0] ?? 'content')
  }
  console.error(usage)
  return 2
}

// Unchanged notes are not parsed again (DOCKDECK_PARSE_CACHE=0 turns this off).
if (process.env.DOCKDECK_PARSE_CACHE !== '0') useParseCache(diskParseCache(process.cwd()))

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  },
)
