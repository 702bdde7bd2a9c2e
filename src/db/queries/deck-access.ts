import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../index'
import { decks, teamMembers } from '../schema'

/** What a user may do with a deck: study it (`read`) or change its notes (`write`). */
export type DeckRole = 'read' | 'write'

export type DeckRow = typeof decks.$inferSelect

/** Who owns a deck, as the API shows it: the shipped decks belong to no one. */
export type DeckOwner = { kind: 'shared' } | { kind: 'user'; id: string } | { kind: 'team'; id: string }

export function deckOwner(row: Pick<DeckRow, 'ownerId' | 'teamId'>): DeckOwner {
  if (row.ownerId) return { kind: 'user', id: row.ownerId }
  if (row.teamId) return { kind: 'team', id: row.teamId }
  return { kind: 'shared' }
}

/**
 * The decks a user may see: the shipped (shared) decks, their own, and their teams'. Used as a
 * `where` on `decks` so every list and lookup applies the same rule.
 */
export function visibleTo(userId: string): SQL {
  return or(
    and(isNull(decks.ownerId), isNull(decks.teamId)),
    eq(decks.ownerId, userId),
    sql`${decks.teamId} in (select ${teamMembers.teamId} from ${teamMembers} where ${teamMembers.userId} = ${userId})`,
  ) as SQL
}

/**
 * A deck and the caller's role on it, or undefined when they may not see it (or it does not
 * exist: the two answer the same, so slugs of other people's decks reveal nothing).
 */
export async function findDeckAccess(
  db: Db,
  userId: string,
  slug: string,
): Promise<{ deck: DeckRow; role: DeckRole } | undefined> {
  const [row] = await db
    .select({ deck: decks, teamRole: teamMembers.role })
    .from(decks)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, decks.teamId), eq(teamMembers.userId, userId)))
    .where(eq(decks.slug, slug))
    .limit(1)
  if (!row) return undefined
  const role = roleOf(row.deck, userId, row.teamRole)
  return role ? { deck: row.deck, role } : undefined
}

/** The role a user has on a deck given their role in its team (if it is a team's). */
export function roleOf(
  deck: Pick<DeckRow, 'ownerId' | 'teamId'>,
  userId: string,
  teamRole: string | null,
): DeckRole | undefined {
  if (deck.ownerId) return deck.ownerId === userId ? 'write' : undefined
  if (deck.teamId) return teamRole === null ? undefined : teamRole === 'owner' ? 'write' : 'read'
  return 'read'
}

/** Whether a user may study the cards of a deck, from the deck's owner columns (no query for shared decks). */
export async function canStudy(
  db: Db,
  userId: string,
  deck: { slug: string; ownerId: string | null; teamId: string | null },
): Promise<boolean> {
  if (!deck.ownerId && !deck.teamId) return true
  if (deck.ownerId) return deck.ownerId === userId
  return (await findDeckAccess(db, userId, deck.slug)) !== undefined
}
