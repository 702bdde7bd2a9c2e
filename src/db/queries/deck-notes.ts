import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../index'
import { cards, deckNotes, decks } from '../schema'
import { chunk, maxParameters } from './deck-sync'

export interface NoteFile {
  path: string
  text: string
}

/** Inserts a user's or team's deck; false when the slug is taken (by any deck, seen or not). */
export async function insertDeck(db: Db, row: typeof decks.$inferInsert): Promise<boolean> {
  // `returning` rather than the driver's change count: libSQL and D1 report that differently.
  const inserted = await db.insert(decks).values(row).onConflictDoNothing().returning({ slug: decks.slug })
  return inserted.length === 1
}

/** Whether a slug is free for a new deck. */
export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  const [row] = await db.select({ slug: decks.slug }).from(decks).where(eq(decks.slug, slug)).limit(1)
  return row !== undefined
}

/** How many decks a user owns, and how many live cards are in them (for the per-user limits). */
export async function ownedTotals(db: Db, userId: string, except?: string) {
  const [[deckCount], [cardCount]] = await db.batch([
    db.select({ n: count() }).from(decks).where(eq(decks.ownerId, userId)),
    db
      .select({ n: count() })
      .from(cards)
      .innerJoin(decks, eq(decks.slug, cards.deck))
      .where(
        and(eq(decks.ownerId, userId), isNull(cards.retiredAt), except ? sql`${cards.deck} != ${except}` : undefined),
      ),
  ])
  return { decks: deckCount?.n ?? 0, cards: cardCount?.n ?? 0 }
}

/** Every note of a deck, by path. */
export async function loadNotes(db: Db, deck: string): Promise<NoteFile[]> {
  return db
    .select({ path: deckNotes.path, text: deckNotes.text })
    .from(deckNotes)
    .where(eq(deckNotes.deck, deck))
    .orderBy(asc(deckNotes.path))
}

export async function findNote(db: Db, deck: string, path: string): Promise<NoteFile | undefined> {
  const [row] = await db
    .select({ path: deckNotes.path, text: deckNotes.text })
    .from(deckNotes)
    .where(and(eq(deckNotes.deck, deck), eq(deckNotes.path, path)))
    .limit(1)
  return row
}

/** Statements that make the deck's stored notes exactly `notes` (written in the sync's batch). */
export function noteWrites(
  db: Db,
  deck: string,
  before: readonly NoteFile[],
  notes: readonly NoteFile[],
  now: number,
): BatchItem<'sqlite'>[] {
  const old = new Map(before.map((note) => [note.path, note.text]))
  const writes: BatchItem<'sqlite'>[] = []
  for (const note of notes) {
    if (old.get(note.path) === note.text) continue
    writes.push(
      db
        .insert(deckNotes)
        .values({ deck, path: note.path, text: note.text, updatedAt: now })
        .onConflictDoUpdate({ target: [deckNotes.deck, deckNotes.path], set: { text: note.text, updatedAt: now } }),
    )
  }
  const kept = new Set(notes.map((note) => note.path))
  const gone = before.filter((note) => !kept.has(note.path)).map((note) => note.path)
  for (const paths of chunk(gone, maxParameters - 1))
    writes.push(db.delete(deckNotes).where(and(eq(deckNotes.deck, deck), inArray(deckNotes.path, paths))))
  return writes
}
