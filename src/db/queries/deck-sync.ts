import { and, eq, getTableColumns, inArray, isNotNull, or, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { CompiledCard, CompiledDeck } from '../../content/types'
import { sha256Hex } from '../../security/sha256'
import type { Db } from '../index'
import { cards, decks, topics } from '../schema'

export interface SyncResult {
  added: number
  updated: number
  retired: number
  revived: number
  unchanged: number
}

type CardColumns = Omit<typeof cards.$inferInsert, 'createdAt' | 'updatedAt' | 'retiredAt'>

/** Row values of a compiled card at `position`, with the hash of everything in them. */
export function cardRow(card: CompiledCard, position: number): CardColumns {
  const row = {
    id: card.id,
    deck: card.deck,
    topic: card.topic,
    kind: card.kind,
    tags: JSON.stringify(card.tags),
    prompt: card.prompt,
    answer: card.answer,
    promptHtml: card.promptHtml,
    answerHtml: card.answerHtml,
    sourceFile: card.source.file,
    sourceLine: card.source.line,
    sourceAnchor: card.source.anchor,
    sourceHeadings: JSON.stringify(card.source.headings),
    group: card.group,
    note: card.note,
    position,
  }
  return { ...row, contentHash: sha256Hex(JSON.stringify(row)).slice(0, 32) }
}

/** Bound parameters allowed in one statement on Cloudflare D1 (libSQL allows far more). */
export const maxParameters = 100

export const chunk = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, index * size + size))

/**
 * Makes the database hold `deck`, in one atomic `db.batch`: new cards inserted, changed cards
 * (content hash differs) updated in place, cards gone from the notes retired (`retiredAt` set,
 * never deleted), retired cards that reappear revived. Card ids are the link to `card_states`
 * and `review_logs`, which this never touches, so history survives every edit.
 */
export async function syncDeck(db: Db, deck: CompiledDeck, now: number): Promise<SyncResult> {
  const { result, statements } = await deckSyncWrites(db, deck, now)
  if (statements.length > 0) await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  return result
}

/** Whether `slug` names a user's or team's deck, which a shipped deck folder may not take over. */
export async function isOwnedDeck(db: Db, slug: string): Promise<boolean> {
  const [taken] = await db
    .select({ slug: decks.slug })
    .from(decks)
    .where(and(eq(decks.slug, slug), or(isNotNull(decks.ownerId), isNotNull(decks.teamId))))
  return taken !== undefined
}

export interface SyncOptions {
  /**
   * A user's or team's deck: only its own cards are read, and its cards never move in from
   * another deck (their ids are scoped to the deck), so one user's upload cannot touch another's.
   */
  ownDeck?: boolean
}

/**
 * What `syncDeck` writes, without writing it: the caller may add its own statements (the stored
 * notes of a user's deck) to the same batch, so the notes and their cards change together.
 */
export async function deckSyncWrites(
  db: Db,
  deck: CompiledDeck,
  now: number,
  options: SyncOptions = {},
): Promise<{ result: SyncResult; statements: BatchItem<'sqlite'>[] }> {
  const result: SyncResult = { added: 0, updated: 0, retired: 0, revived: 0, unchanged: 0 }
  // This deck's cards only, and for a shipped deck also the rows of its compiled ids kept in
  // another shipped deck: shipped decks may trade cards with each other (a note moved between
  // folders keeps its marker), never with a user's or team's deck. The ids go as one JSON
  // parameter, so a deck of any size stays within D1's 100 bound parameters.
  const [existingCards, existingDeck, existingTopics] = await db.batch([
    db
      .select({ id: cards.id, deck: cards.deck, contentHash: cards.contentHash, retiredAt: cards.retiredAt })
      .from(cards)
      .where(
        options.ownDeck
          ? eq(cards.deck, deck.slug)
          : or(
              eq(cards.deck, deck.slug),
              and(
                sql`${cards.id} in (select value from json_each(${JSON.stringify(deck.cards.map((card) => card.id))}))`,
                sql`${cards.deck} in (select ${decks.slug} from ${decks} where ${decks.ownerId} is null and ${decks.teamId} is null)`,
              ),
            ),
      ),
    db.select().from(decks).where(eq(decks.slug, deck.slug)),
    db.select().from(topics).where(eq(topics.deck, deck.slug)),
  ])
  const known = new Map(existingCards.map((row) => [row.id, row]))
  const cardWrites: BatchItem<'sqlite'>[] = []
  const inserts: Array<typeof cards.$inferInsert> = []
  deck.cards.forEach((card, position) => {
    const row = cardRow(card, position)
    const old = known.get(card.id)
    if (!old) {
      result.added += 1
      inserts.push({ ...row, createdAt: now, updatedAt: now })
    } else if (old.retiredAt !== null || old.contentHash !== row.contentHash || old.deck !== deck.slug) {
      if (old.retiredAt !== null) result.revived += 1
      else result.updated += 1
      cardWrites.push(
        db
          .update(cards)
          .set({ ...row, retiredAt: null, updatedAt: now })
          .where(eq(cards.id, card.id)),
      )
    } else {
      result.unchanged += 1
    }
  })
  const present = new Set(deck.cards.map((card) => card.id))
  const gone = existingCards.filter((row) => row.deck === deck.slug && row.retiredAt === null && !present.has(row.id))
  result.retired = gone.length
  for (const ids of chunk(
    gone.map((row) => row.id),
    maxParameters - 2,
  )) {
    cardWrites.push(db.update(cards).set({ retiredAt: now, updatedAt: now }).where(inArray(cards.id, ids)))
  }
  const rowSize = Object.keys(getTableColumns(cards)).length
  for (const rows of chunk(inserts, Math.floor(maxParameters / rowSize))) cardWrites.push(db.insert(cards).values(rows))

  const metaWrites = topicWrites(db, deck, existingTopics)
  const title = deck.title
  const description = deck.description ?? ''
  const blueprint = deck.blueprint ? JSON.stringify(deck.blueprint) : null
  const deckRow = existingDeck[0]
  const deckChanged =
    !deckRow || deckRow.title !== title || deckRow.description !== description || deckRow.blueprint !== blueprint
  if (cardWrites.length === 0 && metaWrites.length === 0 && !deckChanged) return { result, statements: [] }
  const statements: BatchItem<'sqlite'>[] = [
    db
      .insert(decks)
      .values({ slug: deck.slug, title, description, blueprint, updatedAt: now })
      .onConflictDoUpdate({ target: decks.slug, set: { title, description, blueprint, updatedAt: now } }),
    ...metaWrites,
    ...cardWrites,
  ]
  return { result, statements }
}

function topicWrites(
  db: Db,
  deck: CompiledDeck,
  existing: ReadonlyArray<typeof topics.$inferSelect>,
): BatchItem<'sqlite'>[] {
  const writes: BatchItem<'sqlite'>[] = []
  const old = new Map(existing.map((row) => [row.slug, row]))
  deck.topics.forEach((topic, position) => {
    const row = {
      deck: deck.slug,
      slug: topic.slug,
      title: topic.title,
      file: topic.file,
      sources: JSON.stringify(topic.sources),
      html: topic.html,
      position,
    }
    const before = old.get(topic.slug)
    old.delete(topic.slug)
    const same =
      before &&
      before.title === row.title &&
      before.file === row.file &&
      before.sources === row.sources &&
      before.html === row.html &&
      before.position === position
    if (same) return
    writes.push(
      db
        .insert(topics)
        .values(row)
        .onConflictDoUpdate({
          target: [topics.deck, topics.slug],
          set: { title: row.title, file: row.file, sources: row.sources, html: row.html, position },
        }),
    )
  })
  // A topic whose file is gone has no live cards left (they are retired above).
  for (const slug of old.keys())
    writes.push(db.delete(topics).where(and(eq(topics.deck, deck.slug), eq(topics.slug, slug))))
  return writes
}
