/**
 * Prints a seeded random sample of the cards compiled from a folder of notes, for a human read
 * of how many are usable (issue 16: "a read of 30 random cards" of the real-world corpus), and
 * the cards and warnings each file gave. Deterministic: same notes, same seed, same sample.
 *
 * usage: tsx bench/read-cards.ts [dir=test/fixtures/real-world] [count=30] [seed=16]
 */
import { loadNotes } from '../src/content/load'
import { createRng } from '../src/domain/exam'

const [dir = 'test/fixtures/real-world', count = '30', seed = '16'] = process.argv.slice(2)
const deck = await loadNotes(dir)
// The corpus's own manifest is not a note.
const cards = deck.cards.filter((card) => !card.source.file.endsWith('MANIFEST.md'))
const perFile = new Map<string, number>()
for (const card of cards) perFile.set(card.source.file, (perFile.get(card.source.file) ?? 0) + 1)
const files = deck.topics.map((topic) => topic.file).filter((file) => !file.endsWith('MANIFEST.md'))
for (const file of files) console.log(`${String(perFile.get(file) ?? 0).padStart(4)}  ${file}`)
const kinds = new Map<string, number>()
for (const card of cards) kinds.set(card.kind, (kinds.get(card.kind) ?? 0) + 1)
console.log(`\n${cards.length} cards from ${files.length} files: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}`)
console.log(`${deck.diagnostics.filter((d) => d.severity === 'warning').length} warnings\n`)
const rng = createRng(seed)
const sample = cards
  .map((card) => ({ card, key: rng() }))
  .sort((a, b) => a.key - b.key)
  .slice(0, Number(count))
sample.forEach(({ card }, index) => {
  console.log(`${index + 1}. [${card.kind}] ${card.source.file}:${card.source.line}`)
  console.log(`   Q: ${card.prompt}`)
  console.log(`   A: ${card.answer.replace(/\n/g, ' / ').slice(0, 300)}`)
})
