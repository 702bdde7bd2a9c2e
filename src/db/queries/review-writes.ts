import { and, eq, gt, isNull, type SQL, sql } from 'drizzle-orm'
import type { CardMemory, ReviewLogFields } from '../../domain/scheduling'
import { changedRows } from '../changes'
import type { Db } from '../index'
import { cardStates, cards, decks, exams, idempotencyKeys, reviewLogs, sessions, users } from '../schema'
import { visibleTo } from './deck-access'
import type { CallerRow } from './sessions'

export interface StateWrite {
  userId: string
  cardId: string
  memory: CardMemory
  suspended: boolean
  leech: boolean
  buriedUntil: number | null
  /** The version the change was computed from; null when the card had no state row. */
  expectedVersion: number | null
  now: number
}

export interface StoredResponse {
  key: string
  requestHash: string
  status: number
  body: string
}

/**
 * The state change, only if the card is still at `expectedVersion` (or, for a first review,
 * still has no state row) and `guard` holds, both evaluated in the statement itself.
 */
function writeState(db: Db, w: StateWrite, guard?: SQL) {
  const values = {
    ...w.memory,
    suspended: w.suspended,
    leech: w.leech,
    buriedUntil: w.buriedUntil,
    updatedAt: w.now,
  }
  if (w.expectedVersion === null && guard)
    return db.run(sql`
      insert into ${cardStates} (user_id, card_id, due, stability, difficulty, elapsed_days, scheduled_days,
        learning_steps, reps, lapses, state, last_review, suspended, leech, buried_until, version, updated_at)
      select ${w.userId}, ${w.cardId}, ${values.due}, ${values.stability}, ${values.difficulty}, ${values.elapsedDays},
        ${values.scheduledDays}, ${values.learningSteps}, ${values.reps}, ${values.lapses}, ${values.state},
        ${values.lastReview}, ${values.suspended ? 1 : 0}, ${values.leech ? 1 : 0}, ${values.buriedUntil}, 1, ${w.now}
      where ${guard}
      on conflict do nothing`)
  if (w.expectedVersion === null)
    return db
      .insert(cardStates)
      .values({ userId: w.userId, cardId: w.cardId, version: 1, ...values })
      .onConflictDoNothing()
  return db
    .update(cardStates)
    .set({ ...values, version: sql`${cardStates.version} + 1` })
    .where(
      and(
        eq(cardStates.userId, w.userId),
        eq(cardStates.cardId, w.cardId),
        eq(cardStates.version, w.expectedVersion),
        guard,
      ),
    )
}

export type LogWrite = ReviewLogFields & { durationMs: number | null; origin: string }

/** The review's log, written only if the statement just before it changed one row (its state). */
function insertLogAfterState(db: Db, userId: string, cardId: string, log: LogWrite) {
  return db.run(sql`
    insert into ${reviewLogs} (user_id, card_id, rating, state, due, stability, difficulty, elapsed_days,
      last_elapsed_days, scheduled_days, learning_steps, reviewed_at, before, state_after, due_after, duration_ms, origin)
    select ${userId}, ${cardId}, ${log.rating}, ${log.state}, ${log.due}, ${log.stability}, ${log.difficulty},
      ${log.elapsedDays}, ${log.lastElapsedDays}, ${log.scheduledDays}, ${log.learningSteps}, ${log.reviewedAt},
      ${log.before}, ${log.stateAfter}, ${log.dueAfter}, ${log.durationMs}, ${log.origin}
    where changes() = 1`)
}

/**
 * The response stored for an idempotency key, only if the statement just before it wrote its
 * log; without a key, a statement that writes nothing (so a batch keeps one shape).
 */
function storeResponseAfterLog(db: Db, userId: string, stored: StoredResponse | undefined, now: number) {
  if (!stored) return db.run(sql`select 0 where 0`)
  return db.run(sql`
    insert into idempotency_keys (user_id, key, request_hash, status, body, created_at)
    select ${userId}, ${stored.key}, ${stored.requestHash}, ${stored.status}, ${stored.body}, ${now}
    where changes() = 1`)
}

/** What an answer must still find true when it writes, checked in the write itself. */
export interface AnswerGuard {
  /** The claimed session; none for a caller checked already in this request (a token, a page). */
  session?: { hash: string; liveAfter: number } | undefined
  /** The settings the answer was scheduled with, as stored. */
  settingsJson?: string | undefined
  /** `updated_at` of the state the answer was computed from; null for a card that had none. */
  updatedAt: number | null
}

/**
 * Records an answer atomically, in one batch (one transaction, one round trip on the embedded
 * file, Turso and D1 alike): the state change only if, in that transaction, the state is still
 * the one the answer was computed from (version and `updated_at`, or still absent), the session
 * is live, the card is not retired, its deck is one the user may study, the user's settings are
 * still those it was scheduled with and the key is unused; the log only if the state changed
 * (`changes() = 1`) and the idempotency record only if the log was written. Then the session
 * check (`caller`, as `readForAnswer` has it) and the key's stored response. Every guard is in
 * SQL, as D1 has no interactive transaction. An answer computed from a signed snapshot (no read
 * before) relies on them all; one computed from a read, on the version, and on the rest for
 * what changed in between. `applied` is false when any failed, and then nothing was written.
 */
export async function recordReview(
  db: Db,
  caller: CallerRow,
  state: StateWrite,
  log: LogWrite,
  guard: AnswerGuard,
  stored?: StoredResponse,
) {
  const { userId, cardId, now } = state
  const still = [
    guard.session &&
      sql`exists (select 1 from ${sessions} where ${and(eq(sessions.idHash, guard.session.hash), eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, guard.session.liveAfter))})`,
    guard.settingsJson === undefined
      ? undefined
      : sql`(select ${users.settings} from ${users} where ${users.id} = ${userId}) = ${guard.settingsJson}`,
    sql`exists (select 1 from ${decks} where ${decks.slug} = (select ${cards.deck} from ${cards} where ${cards.id} = ${cardId} and ${cards.retiredAt} is null) and ${visibleTo(userId)})`,
    stored &&
      sql`not exists (select 1 from ${idempotencyKeys} where ${idempotencyKeys.userId} = ${userId} and ${idempotencyKeys.key} = ${stored.key})`,
    guard.updatedAt === null ? undefined : eq(cardStates.updatedAt, guard.updatedAt),
  ]
  // Writes first: a batch that read before writing would hold a read snapshot a concurrent
  // commit could invalidate (SQLITE_BUSY_SNAPSHOT on a server). The reads after see the same
  // transaction: the session as the guard saw it, and the key's record (this one's, if written).
  const [, logged, ...rest] = await db.batch([
    writeState(db, state, and(...still)),
    insertLogAfterState(db, userId, cardId, log),
    storeResponseAfterLog(db, userId, stored, now),
    caller,
    db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, stored?.key ?? '')))
      .limit(stored ? 1 : 0),
  ])
  const [, callerRows, storedRows] = rest
  return { caller: callerRows, stored: storedRows[0], applied: changedRows(logged) === 1 }
}

/**
 * Keeps an answer that arrived after a later one to the same card (offline review): its log is
 * written with origin `superseded` and the state is left as the later answer made it. The log
 * is written only if the card is still at `expectedVersion`, and the idempotency record only
 * if the log was, so a retry replays this outcome and never writes a second log.
 */
export async function recordSupersededReview(
  db: Db,
  userId: string,
  cardId: string,
  expectedVersion: number,
  log: ReviewLogFields & { durationMs: number | null },
  now: number,
  stored?: StoredResponse,
): Promise<boolean> {
  const insertLog = db.run(sql`
    insert into ${reviewLogs} (user_id, card_id, rating, state, due, stability, difficulty, elapsed_days,
      last_elapsed_days, scheduled_days, learning_steps, reviewed_at, before, state_after, due_after, duration_ms, origin)
    select ${userId}, ${cardId}, ${log.rating}, ${log.state}, ${log.due}, ${log.stability}, ${log.difficulty},
      ${log.elapsedDays}, ${log.lastElapsedDays}, ${log.scheduledDays}, ${log.learningSteps}, ${log.reviewedAt},
      ${log.before}, ${log.stateAfter}, ${log.dueAfter}, ${log.durationMs}, 'superseded'
    where exists (select 1 from ${cardStates} where user_id = ${userId} and card_id = ${cardId} and version = ${expectedVersion})`)
  if (!stored) return changedRows(await insertLog) === 1
  const [written] = await db.batch([insertLog, storeResponseAfterLog(db, userId, stored, now)])
  return changedRows(written) === 1
}

/** Restores a card to its state before `logId` and marks that log undone, both or neither. */
export async function recordUndo(db: Db, state: StateWrite, logId: number): Promise<boolean> {
  const [, marked] = await db.batch([
    writeState(db, state),
    db.run(
      sql`update ${reviewLogs} set undone_at = ${state.now} where id = ${logId} and undone_at is null and changes() = 1`,
    ),
  ])
  return changedRows(marked) === 1
}

/**
 * What answering a card reads, in one round trip: the card, its deck's owners, the user's state
 * for it, (with an idempotency key) the stored response and the caller's row (`callerRow`: the
 * session check). Plain selects, no join of tables sharing a column name: D1 returns batched rows
 * keyed by column name, so one of them would be lost.
 */
export async function readForAnswer(
  db: Db,
  userId: string,
  cardId: string,
  key: string | undefined,
  caller: CallerRow,
) {
  const [callerRows, cardRows, deckRows, stateRows, storedRows] = await db.batch([
    caller,
    db.select().from(cards).where(eq(cards.id, cardId)).limit(1),
    db
      .select({ slug: decks.slug, ownerId: decks.ownerId, teamId: decks.teamId })
      .from(decks)
      .where(eq(decks.slug, sql`(select ${cards.deck} from ${cards} where ${cards.id} = ${cardId})`))
      .limit(1),
    db
      .select()
      .from(cardStates)
      .where(and(eq(cardStates.userId, userId), eq(cardStates.cardId, cardId)))
      .limit(1),
    db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key ?? '')))
      .limit(key ? 1 : 0),
  ])
  return { caller: callerRows, card: cardRows[0], deck: deckRows[0], state: stateRows[0], stored: storedRows[0] }
}

export async function findStoredResponse(db: Db, userId: string, key: string) {
  return db.query.idempotencyKeys.findFirst({
    where: (t, { and, eq }) => and(eq(t.userId, userId), eq(t.key, key)),
  })
}

export interface ExamReview {
  state: StateWrite
  log: LogWrite
}

export interface ExamSubmission {
  id: string
  submittedAt: number
  score: number
  passed: boolean | null
  result: string
}

/**
 * Submits an exam in one batch, so one transaction and one round trip whatever the question
 * count: each fed-back answer's state and log, then the submitted mark last. Every state write
 * also requires the exam to be still unsubmitted, so when a concurrent submit has already
 * committed, nothing here is written and `won` is false; a crash writes all or nothing.
 * `lost` names the cards whose state had moved since it was read (reviewed in another tab at
 * that instant): their state and log were not written.
 */
export async function recordExamSubmission(
  db: Db,
  exam: ExamSubmission,
  reviews: readonly ExamReview[],
): Promise<{ won: boolean; lost: string[] }> {
  const open = sql`exists (select 1 from ${exams} where ${exams.id} = ${exam.id} and ${exams.submittedAt} is null)`
  const results = await db.batch([
    ...reviews.flatMap(({ state, log }) => [
      writeState(db, state, open),
      insertLogAfterState(db, state.userId, state.cardId, log),
    ]),
    db
      .update(exams)
      .set({ submittedAt: exam.submittedAt, score: exam.score, passed: exam.passed, result: exam.result })
      .where(and(eq(exams.id, exam.id), isNull(exams.submittedAt))),
  ] as unknown as Parameters<Db['batch']>[0])
  const won = changedRows(results.at(-1)) === 1
  const lost = won ? reviews.filter((_, i) => changedRows(results[2 * i]) !== 1).map((r) => r.state.cardId) : []
  return { won, lost }
}
