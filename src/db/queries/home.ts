import { and, count, eq, gte, isNull, lt, or, sql } from 'drizzle-orm'
import { Rating, type SqlWindow, State } from '../../domain/scheduling'
import { topicKey } from '../../format'
import type { Db } from '../index'
import { cardStates, cards, decks, reviewLogs, topics } from '../schema'
import { availableAt, dueInWindow, siblingFree } from './due-window'
import { fsrsSql } from './fsrs-sql'

/** Due and unseen cards of one topic for one user. */
export interface TopicCounts {
  /** Cards due (`isDue`: learning within learn-ahead, reviews today), before the daily limit. */
  due: number
  /** Of `due`, the learning and relearning cards: the daily review limit does not hold them back. */
  learning: number
  /** Cards never studied (or reset to new), suspended and buried ones left out. */
  unseen: number
}

export interface HomeCounts {
  /** Keyed by `deck/topic`. */
  topics: Map<string, TopicCounts>
  /** Answers given today in the review flow, all decks together. */
  doneToday: { newCards: number; reviews: number; total: number; again: number }
}

export { topicKey }

/**
 * Per-topic due and unseen counts, and what was done today, in one batch. The due count walks
 * `card_states_user_due_idx` (user, due < dayEnd); the unseen count walks `cards_deck_topic_idx`
 * with a primary-key probe into `card_states`; today's answers use `review_logs_user_time_idx`.
 */
export async function loadHomeCounts(db: Db, userId: string, window: SqlWindow): Promise<HomeCounts> {
  const available = availableAt(window.now)
  const [due, unseen, done] = await db.batch([
    db
      .select({
        deck: cards.deck,
        topic: cards.topic,
        n: count(),
        learning:
          sql<number>`sum(case when ${cardStates.state} in (${fsrsSql(State.Learning)}, ${fsrsSql(State.Relearning)}) then 1 else 0 end)`.mapWith(
            Number,
          ),
      })
      .from(cardStates)
      .innerJoin(cards, eq(cards.id, cardStates.cardId))
      .where(
        and(
          eq(cardStates.userId, userId),
          lt(cardStates.due, window.dayEnd),
          dueInWindow(window),
          isNull(cards.retiredAt),
          siblingFree(userId, window),
        ),
      )
      .groupBy(cards.deck, cards.topic),
    db
      .select({ deck: cards.deck, topic: cards.topic, n: count() })
      .from(cards)
      .leftJoin(cardStates, and(eq(cardStates.cardId, cards.id), eq(cardStates.userId, userId)))
      .where(
        and(isNull(cards.retiredAt), or(isNull(cardStates.cardId), and(eq(cardStates.state, State.New), available))),
      )
      .groupBy(cards.deck, cards.topic),
    todayQuery(db, userId, window.dayStart),
  ])
  const counts = new Map<string, TopicCounts>()
  const entry = (deck: string, topic: string) => {
    const key = topicKey(deck, topic)
    let found = counts.get(key)
    if (!found) {
      found = { due: 0, learning: 0, unseen: 0 }
      counts.set(key, found)
    }
    return found
  }
  for (const row of due) Object.assign(entry(row.deck, row.topic), { due: row.n, learning: row.learning })
  for (const row of unseen) entry(row.deck, row.topic).unseen = row.n
  return { topics: counts, doneToday: summarizeToday(done) }
}

export type TodaySummary = HomeCounts['doneToday']

/** Today's answers in the review flow by state before the answer, with how many were "again". */
function todayQuery(db: Db, userId: string, dayStart: number) {
  return db
    .select({
      state: reviewLogs.state,
      n: count(),
      again: sql<number>`sum(case when ${reviewLogs.rating} = ${fsrsSql(Rating.Again)} then 1 else 0 end)`.mapWith(
        Number,
      ),
    })
    .from(reviewLogs)
    .where(
      and(
        eq(reviewLogs.userId, userId),
        gte(reviewLogs.reviewedAt, dayStart),
        isNull(reviewLogs.undoneAt),
        eq(reviewLogs.origin, 'review'),
      ),
    )
    .groupBy(reviewLogs.state)
}

function summarizeToday(rows: { state: number; n: number; again: number }[]): TodaySummary {
  const byState = new Map(rows.map((row) => [row.state, row.n]))
  return {
    newCards: byState.get(State.New) ?? 0,
    reviews: byState.get(State.Review) ?? 0,
    total: rows.reduce((sum, row) => sum + row.n, 0),
    again: rows.reduce((sum, row) => sum + row.again, 0),
  }
}

/** What the user did today (from `dayStart`), for the end-of-session summary. */
export async function loadToday(db: Db, userId: string, dayStart: number): Promise<TodaySummary> {
  return summarizeToday(await todayQuery(db, userId, dayStart))
}

/** A deck and (optionally) one of its topics, for page headings; undefined when absent. */
export async function findScope(db: Db, deck: string, topic?: string) {
  const [deckRows, topicRows] = await db.batch([
    db
      .select({ slug: decks.slug, title: decks.title, ownerId: decks.ownerId, teamId: decks.teamId })
      .from(decks)
      .where(eq(decks.slug, deck))
      .limit(1),
    db
      .select()
      .from(topics)
      .where(and(eq(topics.deck, deck), eq(topics.slug, topic ?? '')))
      .limit(1),
  ])
  return { deck: deckRows[0], topic: topicRows[0] }
}
