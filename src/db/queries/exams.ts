import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import type { CardKind, CompiledCard } from '../../content/types'
import { type SqlWindow, State } from '../../domain/scheduling'
import { changedRows } from '../changes'
import type { Db } from '../index'
import { cardStates, cards, decks, examAnswers, exams, topics } from '../schema'
import { dueInWindow, siblingFree } from './due-window'
import { fsrsSql } from './fsrs-sql'
import type { CardRow } from './review'
import type { CallerRow } from './sessions'

export type ExamRow = typeof exams.$inferSelect
export type ExamAnswerRow = typeof examAnswers.$inferSelect
export type ExamMode = 'quiz' | 'exam'

/** A deck and its topics in note order, or no deck. */
export async function loadDeckTopics(db: Db, deck: string) {
  const [deckRows, topicRows] = await db.batch([
    db.select().from(decks).where(eq(decks.slug, deck)).limit(1),
    db
      .select({ slug: topics.slug, title: topics.title })
      .from(topics)
      .where(eq(topics.deck, deck))
      .orderBy(asc(topics.position)),
  ])
  return { deck: deckRows[0], topics: topicRows }
}

/** The live cards of a deck in a fixed order, so the same seed builds the same exam. */
/** A JSON list column read defensively: anything but an array of strings reads as empty. */
export function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
  } catch {
    return []
  }
}

/** A `cards` row in the shape the exam domain reads (the notes compiler's `CompiledCard`). */
export function toCompiledCard(row: CardRow): CompiledCard {
  return {
    id: row.id,
    deck: row.deck,
    topic: row.topic,
    kind: row.kind as CardKind,
    tags: parseList(row.tags),
    prompt: row.prompt,
    answer: row.answer,
    promptHtml: row.promptHtml,
    answerHtml: row.answerHtml,
    source: {
      file: row.sourceFile,
      line: row.sourceLine,
      headings: parseList(row.sourceHeadings),
      anchor: row.sourceAnchor,
    },
    group: row.group,
    marked: false,
    note: row.note,
  }
}

export async function loadLiveCards(db: Db, deck: string) {
  return db
    .select()
    .from(cards)
    .where(and(eq(cards.deck, deck), isNull(cards.retiredAt)))
    .orderBy(asc(cards.position), asc(cards.id))
}

/** Cards by id, retired ones included (an exam outlives edits to the notes). */
export async function loadCardsById(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .select()
    .from(cards)
    .where(inArray(cards.id, [...ids]))
}

export async function insertExam(db: Db, row: typeof exams.$inferInsert): Promise<void> {
  await db.insert(exams).values(row)
}

/** The caller's exam or quiz; another user's id finds nothing, so it answers 404 like a wrong id. */
export async function findExam(db: Db, userId: string, id: string, mode: ExamMode) {
  const [row] = await db
    .select()
    .from(exams)
    .where(and(eq(exams.id, id), eq(exams.userId, userId), eq(exams.mode, mode)))
    .limit(1)
  return row
}

export async function loadAnswers(db: Db, examId: string): Promise<ExamAnswerRow[]> {
  return db.select().from(examAnswers).where(eq(examAnswers.examId, examId))
}

/** The caller's exam (or quiz) and its saved answers, in one round trip. */
export async function findExamWithAnswers(db: Db, userId: string, id: string, mode: ExamMode) {
  const [rows, answers] = await db.batch([
    db
      .select()
      .from(exams)
      .where(and(eq(exams.id, id), eq(exams.userId, userId), eq(exams.mode, mode)))
      .limit(1),
    // Only the caller's: the join keeps another user's answers out even for a guessed id.
    db
      .select({ answer: examAnswers })
      .from(examAnswers)
      .innerJoin(exams, eq(exams.id, examAnswers.examId))
      .where(and(eq(examAnswers.examId, id), eq(exams.userId, userId), eq(exams.mode, mode))),
  ])
  return { row: rows[0], answers: answers.map((a) => a.answer) }
}

/**
 * What scoring an exam reads, in one round trip: its deck and topics, its cards (retired ones
 * included) and the user's state of each (full rows, versions included, for the feedback write).
 */
export async function loadExamScoring(db: Db, userId: string, deck: string, cardIds: readonly string[]) {
  const ids = [...new Set(cardIds)]
  const [deckRows, topicRows, cardRows, stateRows] = await db.batch([
    db.select().from(decks).where(eq(decks.slug, deck)).limit(1),
    db
      .select({ slug: topics.slug, title: topics.title })
      .from(topics)
      .where(eq(topics.deck, deck))
      .orderBy(asc(topics.position)),
    db.select().from(cards).where(inArray(cards.id, ids)),
    db
      .select()
      .from(cardStates)
      .where(and(eq(cardStates.userId, userId), inArray(cardStates.cardId, ids))),
  ])
  return { deck: deckRows[0], topics: topicRows, cards: cardRows, states: stateRows }
}

/**
 * Submitting an exam reads, in one round trip, what `findExamWithAnswers` and `loadExamScoring`
 * read in two: the deck, topics, cards and states are found through the exam's own row (its deck,
 * and the card ids inside its questions' JSON), so no statement waits for another's result.
 * Every read is filtered by the caller's exam: someone else's id reads nothing. The caller's row
 * (`callerRow`) comes first: the session check rides in the same round trip.
 */
export async function findExamForSubmit(db: Db, userId: string, id: string, mode: ExamMode, caller: CallerRow) {
  const mine = and(eq(exams.id, id), eq(exams.userId, userId), eq(exams.mode, mode))
  const deckOfExam = db.select({ deck: exams.deck }).from(exams).where(mine)
  const cardIds = sql`(select json_extract(q.value, '$.cardId') from ${exams}, json_each(${exams.questions}) q where ${mine})`
  const [callerRows, rows, answers, deckRows, topicRows, cardRows, stateRows] = await db.batch([
    caller,
    db.select().from(exams).where(mine).limit(1),
    db
      .select({ answer: examAnswers })
      .from(examAnswers)
      .innerJoin(exams, eq(exams.id, examAnswers.examId))
      .where(and(eq(examAnswers.examId, id), eq(exams.userId, userId), eq(exams.mode, mode))),
    db.select().from(decks).where(eq(decks.slug, deckOfExam)).limit(1),
    db
      .select({ slug: topics.slug, title: topics.title })
      .from(topics)
      .where(eq(topics.deck, deckOfExam))
      .orderBy(asc(topics.position)),
    db.select().from(cards).where(sql`${cards.id} in ${cardIds}`),
    db
      .select()
      .from(cardStates)
      .where(and(eq(cardStates.userId, userId), sql`${cardStates.cardId} in ${cardIds}`)),
  ])
  return {
    caller: callerRows,
    row: rows[0],
    answers: answers.map((a) => a.answer),
    scoring: { deck: deckRows[0], topics: topicRows, cards: cardRows, states: stateRows },
  }
}

export interface AnswerWrite {
  examId: string
  questionId: string
  /** JSON of the given answer, `null` when only the flag is set. */
  answer: string
  flagged: boolean
  now: number
  /** When set, the row is changed only if it still holds this answer (DOMC appends). */
  expected?: string | null
}

/**
 * Saves an answer only while its exam is open (not submitted, before the deadline), checked in
 * the same statement so an answer cannot slip in after a concurrent submit. Returns whether
 * the row was written.
 */
export async function saveAnswer(db: Db, w: AnswerWrite): Promise<boolean> {
  const guard =
    w.expected === undefined
      ? sql``
      : w.expected === null
        ? sql` where false`
        : sql` where ${examAnswers.answer} = ${w.expected}`
  const result = await db.run(sql`
    insert into ${examAnswers} (exam_id, question_id, answer, flagged, answered_at)
    select ${w.examId}, ${w.questionId}, ${w.answer}, ${w.flagged ? 1 : 0}, ${w.now}
    where exists (select 1 from ${exams} where id = ${w.examId} and submitted_at is null
      and (ends_at is null or ends_at > ${w.now}))
    on conflict (exam_id, question_id) do update set answer = excluded.answer, flagged = excluded.flagged,
      answered_at = excluded.answered_at${guard}`)
  return changedRows(result) === 1
}

export interface Submission {
  id: string
  now: number
  score: number
  passed: boolean | null
  result: string
}

/** Records the result once: only the first submit of an exam changes the row. */
export async function markSubmitted(db: Db, s: Submission): Promise<boolean> {
  const result = await db
    .update(exams)
    .set({ submittedAt: s.now, score: s.score, passed: s.passed, result: s.result })
    .where(and(eq(exams.id, s.id), isNull(exams.submittedAt)))
  return changedRows(result) === 1
}

export async function listExams(db: Db, userId: string, mode: ExamMode, limit: number) {
  return db
    .select()
    .from(exams)
    .where(and(eq(exams.userId, userId), eq(exams.mode, mode)))
    .orderBy(desc(exams.startedAt), desc(exams.id))
    .limit(limit)
}

const memoryColumns = {
  cardId: cardStates.cardId,
  due: cardStates.due,
  stability: cardStates.stability,
  difficulty: cardStates.difficulty,
  elapsedDays: cardStates.elapsedDays,
  scheduledDays: cardStates.scheduledDays,
  learningSteps: cardStates.learningSteps,
  reps: cardStates.reps,
  lapses: cardStates.lapses,
  state: cardStates.state,
  lastReview: cardStates.lastReview,
}

export type MemoryRow = { [K in keyof typeof memoryColumns]: (typeof cardStates.$inferSelect)[K] }

/** The user's FSRS memory of some cards, by card id; cards never studied are absent. */
export async function loadMemories(db: Db, userId: string, cardIds: readonly string[]) {
  if (cardIds.length === 0) return new Map<string, MemoryRow>()
  const rows = await db
    .select(memoryColumns)
    .from(cardStates)
    .where(and(eq(cardStates.userId, userId), inArray(cardStates.cardId, [...cardIds])))
  return new Map(rows.map((row) => [row.cardId, row]))
}

/** Every live card of a deck with the user's memory of it (null columns when never studied). */
export async function loadDeckMemories(db: Db, userId: string, deck: string) {
  return db
    .select({
      cardId: cards.id,
      topic: cards.topic,
      state: sql<number>`coalesce(${cardStates.state}, ${fsrsSql(State.New)})`,
      stability: sql<number>`coalesce(${cardStates.stability}, 0)`,
      lastReview: cardStates.lastReview,
    })
    .from(cards)
    .leftJoin(cardStates, and(eq(cardStates.cardId, cards.id), eq(cardStates.userId, userId)))
    .where(and(eq(cards.deck, deck), isNull(cards.retiredAt)))
}

/**
 * Exam mode's candidates: the user's studied cards in scope that are due today and available
 * (not suspended, not buried), with their memory, soonest due first. Bounded like a day's queue.
 */
export async function loadStudiedDue(
  db: Db,
  userId: string,
  scope: { deck: string; topic?: string | undefined },
  window: SqlWindow,
) {
  return db
    .select({
      ...memoryColumns,
      position: cards.position,
      suspended: cardStates.suspended,
      buriedUntil: cardStates.buriedUntil,
    })
    .from(cardStates)
    .innerJoin(cards, eq(cards.id, cardStates.cardId))
    .where(
      and(
        eq(cardStates.userId, userId),
        dueInWindow(window),
        siblingFree(userId, window),
        eq(cards.deck, scope.deck),
        isNull(cards.retiredAt),
        scope.topic ? eq(cards.topic, scope.topic) : undefined,
      ),
    )
    .orderBy(asc(cardStates.due), asc(cardStates.cardId))
    .limit(2000)
}

/** The questions (JSON) of the user's latest exams in a deck, newest first. */
export async function recentExamQuestions(db: Db, userId: string, deck: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ questions: exams.questions })
    .from(exams)
    .where(and(eq(exams.userId, userId), eq(exams.mode, 'exam'), eq(exams.deck, deck)))
    .orderBy(desc(exams.startedAt), desc(exams.id))
    .limit(limit)
  return rows.map((row) => row.questions)
}

/**
 * The user's earliest submitted exam in a deck named by `seed`, to replay it exactly. Only a
 * submitted one: replaying a running exam would let a second exam's result reveal its answers.
 */
export async function findFinishedExamBySeed(db: Db, userId: string, deck: string, seed: string) {
  const [row] = await db
    .select()
    .from(exams)
    .where(
      and(
        eq(exams.userId, userId),
        eq(exams.mode, 'exam'),
        eq(exams.deck, deck),
        eq(exams.seed, seed),
        isNotNull(exams.submittedAt),
      ),
    )
    .orderBy(asc(exams.startedAt), asc(exams.id))
    .limit(1)
  return row
}
