import { and, eq } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { ImportedLog, ImportedState } from '../../content/import/history'
import type { Db } from '../index'
import { cardStates, cards, reviewLogs } from '../schema'
import { chunk } from './deck-sync'

export interface CardHistory {
  cardId: string
  state?: ImportedState | undefined
  logs: readonly ImportedLog[]
}

/** Ids of the cards of `deck` the user already has a state for (their history is theirs: kept). */
export async function cardsWithState(db: Db, userId: string, deck: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: cardStates.cardId })
    .from(cardStates)
    .innerJoin(cards, eq(cards.id, cardStates.cardId))
    .where(and(eq(cardStates.userId, userId), eq(cards.deck, deck)))
  return new Set(rows.map((row) => row.id))
}

/**
 * Rows per statement. Imports run on Node's libSQL only (never D1's 100-parameter cap), so
 * statements carry a few hundred rows: a 10,000-card history is tens of statements, not thousands.
 */
const rowsPerStatement = 500

/**
 * The imported states and review logs, as statements for the import's one batch. States are
 * inserted, never overwritten (`on conflict do nothing`); logs carry origin `import`, which
 * undo and the review queue's daily limits leave alone, and which progress counts as answers.
 * A log's `due` holds the card's previous review, as ts-fsrs writes it and as progress reads it
 * to find a card's first answer of a day: the card's previous imported log, else 0 (none known).
 */
export function historyWrites(db: Db, userId: string, histories: readonly CardHistory[], now: number) {
  const writes: BatchItem<'sqlite'>[] = []
  const states = histories.flatMap(({ cardId, state }) =>
    state ? [{ userId, cardId, ...state, leech: false, version: 1, updatedAt: now }] : [],
  )
  for (const rows of chunk(states, rowsPerStatement))
    writes.push(db.insert(cardStates).values(rows).onConflictDoNothing())
  const logs = histories.flatMap(({ cardId, logs }) =>
    logs.map((log, index) => ({
      userId,
      cardId,
      rating: log.rating,
      state: log.state,
      due: logs[index - 1]?.reviewedAt ?? 0,
      stability: 0,
      difficulty: 0,
      elapsedDays: log.elapsedDays,
      lastElapsedDays: log.lastElapsedDays,
      scheduledDays: log.scheduledDays,
      learningSteps: 0,
      reviewedAt: log.reviewedAt,
      before: '{"imported":true}',
      stateAfter: log.stateAfter,
      dueAfter: log.dueAfter,
      durationMs: log.durationMs,
      origin: 'import',
    })),
  )
  for (const rows of chunk(logs, rowsPerStatement)) writes.push(db.insert(reviewLogs).values(rows))
  return writes
}
