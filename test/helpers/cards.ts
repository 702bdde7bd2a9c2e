import type { Db } from '../../src/db/index'
import { cards, decks, topics } from '../../src/db/schema'

export interface SeedOptions {
  deck?: string
  topics?: string[]
  perTopic?: number
  now?: number
}

/** Inserts a small deck straight into the tables, as content sync would. Returns the card ids. */
export async function seedDeck(db: Db, options: SeedOptions = {}): Promise<string[]> {
  const deck = options.deck ?? 'docker'
  const names = options.topics ?? ['architecture', 'cli']
  const perTopic = options.perTopic ?? 10
  const now = options.now ?? Date.UTC(2026, 0, 1)
  await db.insert(decks).values({ slug: deck, title: deck[0]!.toUpperCase() + deck.slice(1), updatedAt: now })
  await db
    .insert(topics)
    .values(names.map((slug, i) => ({ deck, slug, title: `Topic ${slug}`, file: `${slug}.md`, position: i })))
  const rows = names.flatMap((topic, t) =>
    Array.from({ length: perTopic }, (_, i) => ({
      id: `${deck}-${topic}-${String(i).padStart(3, '0')}`,
      deck,
      topic,
      kind: i === 0 && topic === 'cli' ? 'typein' : 'basic',
      prompt: `What is term ${i} of ${topic}?`,
      answer: `Definition ${i} of ${topic}`,
      promptHtml: `<p>What is term ${i} of ${topic}?</p>`,
      answerHtml: `<p>Definition ${i} of ${topic}</p>`,
      sourceFile: `${topic}.md`,
      sourceLine: 10 + i,
      sourceAnchor: topic,
      sourceHeadings: JSON.stringify([topic]),
      group: `${deck}/${topic}`,
      position: t * 1000 + i,
      contentHash: `h${i}`,
      createdAt: now,
      updatedAt: now,
    })),
  )
  await db.insert(cards).values(rows)
  return rows.map((r) => r.id)
}
