import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { CardMemory } from '../../domain/scheduling'
import { changedRows } from '../changes'
import type { Db } from '../index'
import { cardActions, cardStates, cards, decks } from '../schema'
import { visibleTo } from './deck-access'
import type { CardStateRow } from './review'

/** The state columns a bulk action writes and its undo restores (flags as 0/1 for JSON). */
export interface StateValues extends CardMemory {
  cardId: string
  suspended: boolean
  leech: boolean
  buriedUntil: number | null
}

/** One card of a stored action: its row before (null when it had none) and its version after. */
export interface ActionEntry {
  cardId: string
  versionAfter: number
  row: StateValues | null
}

export type CardActionRow = typeof cardActions.$inferSelect

/**
 * The live cards among `ids` that the user may see, with their state rows (undefined when
 * unstudied). Ids the user may not see are simply absent: the caller names them.
 */
export async function findSelectedCards(db: Db, userId: string, ids: readonly string[]) {
  const rows = await db
    .select({ id: cards.id, state: cardStates })
    .from(cards)
    .innerJoin(decks, eq(decks.slug, cards.deck))
    .leftJoin(cardStates, and(eq(cardStates.cardId, cards.id), eq(cardStates.userId, userId)))
    .where(
      and(
        sql`${cards.id} in (select value from json_each(${JSON.stringify(ids)}))`,
        isNull(cards.retiredAt),
        visibleTo(userId),
      ),
    )
  return new Map(rows.map((r) => [r.id, r.state ?? undefined] as const))
}

/** True when some card's current version is not the one expected (0: no state row). */
const versionsMoved = (userId: string, expected: string) => sql`exists (
  select 1 from json_each(${expected}) j
  left join ${cardStates} s on s.user_id = ${userId} and s.card_id = json_extract(j.value, '$.cardId')
  where coalesce(s.version, 0) != json_extract(j.value, '$.version'))`

/**
 * Every row in `values` written (inserted, or replacing the state row), each version bumped,
 * in one statement; `guard` is checked in the statement itself.
 */
function writeStates(
  db: Db,
  userId: string,
  values: readonly StateValues[],
  guard: ReturnType<typeof sql>,
  now: number,
) {
  const json = JSON.stringify(values.map((v) => ({ ...v, suspended: v.suspended ? 1 : 0, leech: v.leech ? 1 : 0 })))
  const field = (name: keyof StateValues) => sql.raw(`json_extract(j.value, '$.${name}')`)
  return db.run(sql`
    insert into ${cardStates} (user_id, card_id, due, stability, difficulty, elapsed_days, scheduled_days,
      learning_steps, reps, lapses, state, last_review, suspended, leech, buried_until, version, updated_at)
    select ${userId}, ${field('cardId')}, ${field('due')}, ${field('stability')}, ${field('difficulty')},
      ${field('elapsedDays')}, ${field('scheduledDays')}, ${field('learningSteps')}, ${field('reps')},
      ${field('lapses')}, ${field('state')}, ${field('lastReview')}, ${field('suspended')}, ${field('leech')},
      ${field('buriedUntil')}, 1, ${now}
    from json_each(${json}) j
    where ${guard}
    on conflict (user_id, card_id) do update set
      due = excluded.due, stability = excluded.stability, difficulty = excluded.difficulty,
      elapsed_days = excluded.elapsed_days, scheduled_days = excluded.scheduled_days,
      learning_steps = excluded.learning_steps, reps = excluded.reps, lapses = excluded.lapses,
      state = excluded.state, last_review = excluded.last_review, suspended = excluded.suspended,
      leech = excluded.leech, buried_until = excluded.buried_until,
      version = ${cardStates.version} + 1, updated_at = excluded.updated_at`)
}

/**
 * Records a bulk action and applies it, all or nothing, in one batch (one transaction): the
 * action is stored only if every card is still at the version it was read at, and the states
 * are written only if the action was stored. False when a card changed meanwhile (nothing written).
 */
export async function recordCardAction(
  db: Db,
  action: { id: string; userId: string; action: string; now: number },
  entries: readonly ActionEntry[],
  values: readonly StateValues[],
): Promise<boolean> {
  const expected = JSON.stringify(entries.map((e) => ({ cardId: e.cardId, version: e.versionAfter - 1 })))
  const [stored] = await db.batch([
    db.run(sql`
      insert into ${cardActions} (id, user_id, action, before, card_count, created_at)
      select ${action.id}, ${action.userId}, ${action.action}, ${JSON.stringify(entries)}, ${entries.length}, ${action.now}
      where not ${versionsMoved(action.userId, expected)}`),
    writeStates(
      db,
      action.userId,
      values,
      sql`exists (select 1 from ${cardActions} where ${cardActions.id} = ${action.id})`,
      action.now,
    ),
  ])
  return changedRows(stored) === 1
}

/** A user's action by id, or (without an id) their latest one not undone. */
export async function findCardAction(db: Db, userId: string, id?: string): Promise<CardActionRow | undefined> {
  const [row] = await db
    .select()
    .from(cardActions)
    .where(and(eq(cardActions.userId, userId), id ? eq(cardActions.id, id) : isNull(cardActions.undoneAt)))
    // Two actions in the same millisecond: the later insert (rowid) is the later action.
    .orderBy(desc(cardActions.createdAt), sql`rowid desc`)
    .limit(1)
  return row
}

/**
 * Reverts a bulk action: marks it undone only if every card is still at the version the action
 * left it at, then restores each card's row as it was (a card that had none goes back to the
 * fresh new state it was given), only if the mark was made. False when nothing was written.
 */
export async function recordCardActionUndo(
  db: Db,
  userId: string,
  action: CardActionRow,
  restore: readonly StateValues[],
  now: number,
): Promise<boolean> {
  const entries = JSON.parse(action.before) as ActionEntry[]
  const expected = JSON.stringify(entries.map((e) => ({ cardId: e.cardId, version: e.versionAfter })))
  const [marked] = await db.batch([
    db.run(sql`
      update ${cardActions} set undone_at = ${now}
      where ${cardActions.id} = ${action.id} and ${cardActions.undoneAt} is null
        and not ${versionsMoved(userId, expected)}`),
    writeStates(db, userId, restore, sql`changes() = 1`, now),
  ])
  return changedRows(marked) === 1
}

export type { CardStateRow }
