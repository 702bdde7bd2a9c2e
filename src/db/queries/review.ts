import { and, asc, count, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import { type SqlWindow, State } from '../../domain/scheduling'
import type { Db } from '../index'
import { bound, placeholder, reuse } from '../reuse'
import { cardStates, cards, decks, reviewLogs } from '../schema'
import { visibleTo } from './deck-access'
import { availableAt, reviewDue, siblingFree } from './due-window'
import { fsrsSql } from './fsrs-sql'
import { queueRanks, rankValues } from './queue-order'

export type CardRow = typeof cards.$inferSelect
export type CardStateRow = typeof cardStates.$inferSelect
export type ReviewLogRow = typeof reviewLogs.$inferSelect

export interface QueueScope {
  deck: string
  topic?: string | undefined
}

const liveCard = (scope: QueueScope) =>
  and(eq(cards.deck, scope.deck), isNull(cards.retiredAt), scope.topic ? eq(cards.topic, scope.topic) : undefined)

const candidateColumns = {
  cardId: cards.id,
  position: cards.position,
  state: sql<number>`coalesce(${cardStates.state}, 0)`,
  due: sql<number>`coalesce(${cardStates.due}, 0)`,
  suspended: sql<boolean>`coalesce(${cardStates.suspended}, 0)`.mapWith(Boolean),
  buriedUntil: cardStates.buriedUntil,
  note: cards.note,
}

/** How many queue rows of each kind are read to pick the next card; the rest are only counted. */
const peek = 5

/**
 * Today's candidates for the queue, in one round trip: (re)learning cards due today, the first
 * review cards due today and the first unseen cards in note order, each with a count capped at
 * its daily limit (unseen cards counted once per note), and what the user already did today;
 * siblings of today's answers held back (`siblingFree`). Rows are bounded by `peek`, counts are
 * computed in SQL, so a large deck or history costs no row materialisation in JavaScript.
 */
export async function loadQueueCandidates(db: Db, userId: string, scope: QueueScope, window: SqlWindow) {
  const topic = !!scope.topic
  const key = JSON.stringify([topic, window.bury, window.order])
  const statements = reuse(db, key, () => queueStatements(db, topic, window))
  const [learning, reviews, reviewCount, fresh, freshCount, done, deck, learningHead] = await db.batch(
    // The window's fields fill the placeholders of the same names.
    bound(statements, { ...window, user: userId, deck: scope.deck, topic: scope.topic, ...rankValues(userId, window) }),
  )
  const doneByState = new Map(done.map((row) => [row.state, row.n]))
  // An unseen card has no state.
  const heads: { headCard: CardRow; headState: CardStateRow | null }[] = [...learningHead, ...reviews, ...fresh]
  return {
    deckVisible: deck.length > 0,
    /** The card rows and the user's states of the learning head and of the reviews and unseen cards read. */
    heads: {
      cards: heads.map((row) => row.headCard),
      states: heads.map((row) => row.headState).filter((state) => state !== null),
    },
    candidates: [...learning, ...reviews, ...fresh],
    /** Review cards due today and unseen cards, each counted up to its daily limit. */
    available: { review: reviewCount[0]?.n ?? 0, new: freshCount[0]?.n ?? 0 },
    doneToday: {
      newCards: doneByState.get(State.New) ?? 0,
      reviews: doneByState.get(State.Review) ?? 0,
      total: done.reduce((sum, row) => sum + row.n, 0),
    },
  }
}

/**
 * The statements of `loadQueueCandidates` for one shape (a topic or the whole deck, the bury and
 * order settings), with placeholders for every value (`reuse`).
 */
function queueStatements(db: Db, topic: boolean, { bury, order }: Pick<SqlWindow, 'bury' | 'order'>) {
  const userId = placeholder<string>('user')
  const scope = { deck: placeholder<string>('deck'), topic: topic ? placeholder<string>('topic') : undefined }
  const window = {
    ...(Object.fromEntries(
      ['now', 'dayStart', 'dayEnd', 'learningDueBy', 'reviewLimit', 'newLimit'].map((name) => [
        name,
        placeholder(name),
      ]),
    ) as Omit<SqlWindow, 'studyDay' | 'bury' | 'order'>),
    bury,
  }
  const stateJoin = and(eq(cardStates.cardId, cards.id), eq(cardStates.userId, userId))
  const available = availableAt(window.now)
  const siblings = siblingFree(userId, window)
  const rank = queueRanks(order)
  const dueReviews = and(eq(cardStates.userId, userId), reviewDue(window), liveCard(scope), siblings)
  // The rows the shuffled order can show first: the due days up to the peek-th review by due.
  const nthDue = db
    .select({ due: cardStates.due })
    .from(cardStates)
    .innerJoin(cards, eq(cards.id, cardStates.cardId))
    .where(dueReviews)
    .orderBy(asc(cardStates.due))
    .limit(1)
    .offset(peek - 1)
  const firstReviews = rank.reviewDays ? and(dueReviews, rank.reviewDays(nthDue)) : dueReviews
  const unseen = and(
    liveCard(scope),
    or(isNull(cardStates.cardId), and(eq(cardStates.state, State.New), available)),
    siblings,
  )
  const dueReviewRows = db
    .select({ one: sql`1` })
    .from(cardStates)
    .innerJoin(cards, eq(cards.id, cardStates.cardId))
    .where(dueReviews)
    .limit(window.reviewLimit)
    .as('due_reviews')
  // One new card per note a day: siblings count once ('' is a note of its own card).
  const unseenRows = db
    .selectDistinct({ note: sql`coalesce(nullif(${cards.note}, ''), ${cards.id})` })
    .from(cards)
    .leftJoin(cardStates, stateJoin)
    .where(unseen)
    .limit(window.newLimit)
    .as('unseen')
  const learningDue = and(
    eq(cardStates.userId, userId),
    inArray(cardStates.state, [State.Learning, State.Relearning]),
    lt(cardStates.due, window.dayEnd),
    available,
    liveCard(scope),
    siblings,
  )
  // The card the queue shows first is the head of one list: the learning card due first, the
  // first review or the first unseen card in today's order. Their card and state rows come in
  // the same round trip, so the next card costs no second read: reviews and unseen cards with
  // their peek (ranking the first due days once: a head picked in a subquery of its own ranked
  // them twice more), the learning head by a statement of its own, picked from the few learning
  // rows (a subquery with a LIMIT is not flattened), for the reason given below for ORDER BY.
  const learningHead = db
    .select({ cardId: sql`card_id`.as('card_id') })
    .from(
      db
        .select({ cardId: cardStates.cardId, due: cardStates.due })
        .from(cardStates)
        .innerJoin(cards, eq(cards.id, cardStates.cardId))
        .where(learningDue)
        .limit(1000)
        .as('learning'),
    )
    .orderBy(sql`due, card_id`)
    .limit(1)
  const heads = { headCard: cards, headState: cardStates }
  return [
    db
      .select(candidateColumns)
      .from(cardStates)
      .innerJoin(cards, eq(cards.id, cardStates.cardId))
      .where(learningDue)
      // No ORDER BY: it would steer the planner to the (user_id, due) index and a scan of every
      // due review card; the (user_id, state, due) index reads just the few learning cards, and
      // the queue sorts them.
      .limit(1000),
    db
      .select({ ...candidateColumns, rank: rank.review, ...heads })
      .from(cardStates)
      .innerJoin(cards, eq(cards.id, cardStates.cardId))
      .where(firstReviews)
      .orderBy(rank.review, asc(cardStates.cardId))
      .limit(peek),
    db.select({ n: count() }).from(dueReviewRows),
    db
      .select({ ...candidateColumns, rank: rank.new, ...heads })
      .from(cards)
      .leftJoin(cardStates, stateJoin)
      .where(unseen)
      .orderBy(rank.new, asc(cards.id))
      .limit(peek),
    db.select({ n: count() }).from(unseenRows),
    db
      .select({ state: reviewLogs.state, n: count() })
      .from(reviewLogs)
      .where(
        and(
          eq(reviewLogs.userId, userId),
          gte(reviewLogs.reviewedAt, window.dayStart),
          isNull(reviewLogs.undoneAt),
          eq(reviewLogs.origin, 'review'),
        ),
      )
      .groupBy(reviewLogs.state),
    // Whether the user may see the deck, read here to save the route a round trip of its own.
    db
      .select({ slug: decks.slug })
      .from(decks)
      .where(and(eq(decks.slug, scope.deck), visibleTo(userId)))
      .limit(1),
    db
      .select({ headCard: cards, headState: cardStates })
      .from(cards)
      .innerJoin(cardStates, stateJoin)
      .where(sql`${cards.id} in (${learningHead})`),
  ] as const
}

/** The next learning or review card due after today, for "next card due at" when nothing is left. */
export async function nextDueAt(db: Db, userId: string, scope: QueueScope): Promise<number | null> {
  const [row] = await db
    .select({ due: sql<number | null>`min(${cardStates.due})` })
    .from(cardStates)
    .innerJoin(cards, eq(cards.id, cardStates.cardId))
    .where(
      and(
        eq(cardStates.userId, userId),
        sql`${cardStates.state} != ${fsrsSql(State.New)}`,
        eq(cardStates.suspended, false),
        liveCard(scope),
      ),
    )
  return row?.due ?? null
}

export async function findCard(db: Db, cardId: string): Promise<CardRow | undefined> {
  return db.query.cards.findFirst({ where: eq(cards.id, cardId) })
}

/** Live cards by id, in no particular order (the caller orders them). */
export async function findLiveCards(db: Db, ids: readonly string[]): Promise<CardRow[]> {
  if (ids.length === 0) return []
  return db
    .select()
    .from(cards)
    .where(and(inArray(cards.id, [...ids]), isNull(cards.retiredAt)))
}

/**
 * A card and the user's state for it (if any), in one statement, with its deck's owner columns
 * so the caller can tell, without another query for a shared deck, whether the user may study it.
 */
export async function findCardWithState(db: Db, userId: string, cardId: string) {
  const [row] = await db
    .select({ card: cards, state: cardStates, ownerId: decks.ownerId, teamId: decks.teamId })
    .from(cards)
    .innerJoin(decks, eq(decks.slug, cards.deck))
    .leftJoin(cardStates, and(eq(cardStates.cardId, cards.id), eq(cardStates.userId, userId)))
    .where(eq(cards.id, cardId))
    .limit(1)
  const deck = row ? { slug: row.card.deck, ownerId: row.ownerId, teamId: row.teamId } : undefined
  return { card: row?.card, state: row?.state ?? undefined, deck }
}
