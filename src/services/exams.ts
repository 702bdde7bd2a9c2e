import {
  type ExamRow,
  findExam,
  findExamForSubmit,
  findFinishedExamBySeed,
  listExams,
  loadExamScoring,
  recentExamQuestions,
} from '../db/queries/exams'
import { recordExamSubmission } from '../db/queries/review-writes'
import { type Blueprint, defaultPassMark, parseBlueprint } from '../domain/exam'
import { AppError } from '../errors'
import { iso } from '../format'
import type { CreateExamInput, ExamDraw } from '../schemas/exams'
import { callerStatement, confirmCaller } from './caller'
import { type Claim, claimOf, type UserContext } from './context'
import { applyFeedback, planExamFeedback } from './exam-feedback'
import { type ScoredExam, scoreResult } from './exam-result'
import {
  type AnswerState,
  answerState,
  isDecided,
  type LoadedExam,
  loadExam,
  loadedExam,
  startAttempt,
  visibleQuestion,
} from './exam-state'
import { buildQuestions, deckOutline, newSeed, parseQuestions, parseTopics } from './question-bank'

const drawOf = (value: string): ExamDraw => (value === 'blueprint' ? 'blueprint' : 'notes')

export interface ExamResult extends ScoredExam {
  id: string
  status: 'submitted'
  deck: string
  format: string
  draw: ExamDraw
  /** Start another exam with this seed (same deck, topics, count and format) to get the same questions. */
  seed: string
  /** The topics asked for at the start; empty for every topic. */
  askedTopics: string[]
  minutes: number | null
  passMark: number
  startedAt: string
  endsAt: string | null
  submittedAt: string
  /** Scored by the server at the deadline rather than submitted by the candidate. */
  autoSubmitted: boolean
}

/**
 * How many of the user's latest exams in a deck a new exam avoids repeating: three exams in a row
 * share no question while the deck has enough cards per domain (the DCA deck has).
 */
export const recentExamsAvoided = 5

/** What an exam says about itself in progress and once scored: one mapping of its row. */
function examHeader(row: ExamRow) {
  return {
    id: row.id,
    deck: row.deck,
    format: row.format,
    draw: drawOf(row.draw),
    minutes: row.minutes,
    passMark: row.passMark ?? defaultPassMark,
    startedAt: iso(row.startedAt),
    endsAt: iso(row.endsAt),
  }
}

/** Blueprint when asked for, or by default when the deck has one and no topics are picked. */
function chooseDraw(input: CreateExamInput, blueprint: Blueprint | undefined): ExamDraw {
  const picked = (input.topics?.length ?? 0) > 0
  if (input.draw === 'blueprint') {
    if (!blueprint)
      throw new AppError(400, 'validation_failed', `draw: deck "${input.deck}" has no exam blueprint: use notes`, {
        field: 'draw',
      })
    if (picked)
      throw new AppError(
        400,
        'validation_failed',
        'topics: a blueprint exam draws from every domain: choose draw "notes" to pick topics',
        { field: 'topics' },
      )
    return 'blueprint'
  }
  return input.draw ?? (blueprint && !picked ? 'blueprint' : 'notes')
}

/** The cards of the user's recent exams in the deck. */
async function recentCards(ctx: UserContext, deck: string): Promise<Set<string>> {
  const lists = await recentExamQuestions(ctx.db, ctx.userId, deck, recentExamsAvoided)
  return new Set(lists.flatMap((json) => parseQuestions(json).map((q) => q.cardId)))
}

/**
 * Starts a timed mock exam: the questions are fixed now, answers included, and never sent. A new
 * exam avoids the cards of the user's recent exams and is built from a fresh random seed of its
 * own, never from the caller's: the seed a caller gives only names one of their own *finished*
 * exams with the same settings, whose questions are then replayed exactly. So a seed cannot
 * rebuild a check, another user's exam, or the caller's own running exam, whose answers a
 * second exam's result would otherwise reveal (issue 11, finding 2).
 */
export async function createExam(ctx: UserContext, input: CreateExamInput) {
  const outline = await deckOutline(ctx.db, input.deck, input.topics, ctx.userId)
  const draw = chooseDraw(input, outline.blueprint)
  const topics = JSON.stringify(input.topics ?? [])
  const earlier = input.seed ? await findFinishedExamBySeed(ctx.db, ctx.userId, input.deck, input.seed) : undefined
  const replayed =
    earlier && earlier.format === input.format && earlier.draw === draw && earlier.topics === topics
      ? parseQuestions(earlier.questions)
      : undefined
  const questions =
    replayed?.length === input.questionCount
      ? replayed
      : (
          await buildQuestions(ctx.db, {
            userId: ctx.userId,
            deck: input.deck,
            topics: input.topics,
            count: input.questionCount,
            format: input.format,
            seed: newSeed(),
            blueprint: draw === 'blueprint' ? outline.blueprint : undefined,
            avoid: await recentCards(ctx, input.deck),
          })
        ).questions
  // The name to replay this exam by once it is over; not what its questions were built from.
  const seed = input.seed ?? newSeed()
  const id = await startAttempt(ctx, {
    mode: 'exam',
    deck: input.deck,
    topics: input.topics,
    format: input.format,
    draw,
    seed,
    questions,
    minutes: input.minutes,
    passMark: input.passMark,
  })
  return examView(ctx, await loadExam(ctx.db, ctx.userId, id, 'exam'))
}

/**
 * Scores an exam once. The first submit (the candidate's, or the server's at the deadline)
 * writes the result and feeds the decided answers into the schedule; later calls, and a
 * concurrent submit that lost the race, return the stored result unchanged.
 */
export async function finalizeExam(ctx: UserContext, exam: LoadedExam, read?: Scoring): Promise<ExamResult> {
  const { row, questions, answers } = exam
  if (row.submittedAt !== null && row.result) return JSON.parse(row.result) as ExamResult
  const scoring =
    read ??
    (await loadExamScoring(
      ctx.db,
      ctx.userId,
      row.deck,
      questions.map((q) => q.cardId),
    ))
  const cards = new Map(scoring.cards.map((card) => [card.id, card]))
  const scored = scoreResult(questions, answers, {
    deck: row.deck,
    passMark: row.passMark ?? defaultPassMark,
    topics: scoring.topics,
    blueprint: parseBlueprint(scoring.deck?.blueprint),
    cards,
  })
  const autoSubmitted = row.endsAt !== null && ctx.now >= row.endsAt
  const submittedAt = autoSubmitted ? (row.endsAt as number) : ctx.now
  const result: ExamResult = {
    ...examHeader(row),
    status: 'submitted',
    seed: row.seed,
    askedTopics: parseTopics(row.topics),
    submittedAt: iso(submittedAt) as string,
    autoSubmitted,
    ...scored,
  }
  const json = JSON.stringify(result)
  const decided = questions.flatMap((q, i) =>
    isDecided(q, answers.get(q.id)) ? [{ cardId: q.cardId, correct: scored.questions[i]?.correct ?? false }] : [],
  )
  const states = new Map(scoring.states.map((state) => [state.cardId, state]))
  // The submitted mark, and every answer's state and log, in one batch: all or nothing.
  const { won, lost } = await recordExamSubmission(
    ctx.db,
    { id: row.id, submittedAt, score: scored.score, passed: scored.passed, result: json },
    planExamFeedback(ctx, decided, cards, states),
  )
  if (!won) {
    const stored = await findExam(ctx.db, ctx.userId, row.id, 'exam')
    return JSON.parse(stored?.result ?? json) as ExamResult
  }
  // A card reviewed in another tab between the read and the batch: fed back on its fresh state.
  if (lost.length > 0)
    await applyFeedback(
      ctx,
      decided.filter((d) => lost.includes(d.cardId)),
      'exam',
    )
  return result
}

export interface ExamInProgress {
  id: string
  status: 'in_progress'
  deck: string
  format: string
  draw: ExamDraw
  topics: string[]
  minutes: number | null
  passMark: number
  startedAt: string
  endsAt: string | null
  /** The server's clock, so a page can correct its countdown for a skewed device clock. */
  now: string
  questionCount: number
  questions: ReturnType<typeof visibleQuestion>[]
  answers: Record<string, AnswerState>
}

/** The exam as the candidate sees it: in progress, or (submitted or past its deadline) the result. */
export async function examView(ctx: UserContext, exam: LoadedExam): Promise<ExamInProgress | ExamResult> {
  const { row, questions, answers } = exam
  if (row.submittedAt !== null || (row.endsAt !== null && ctx.now >= row.endsAt)) return finalizeExam(ctx, exam)
  return {
    ...examHeader(row),
    status: 'in_progress',
    topics: parseTopics(row.topics),
    now: iso(ctx.now),
    questionCount: questions.length,
    questions: questions.map((q) => visibleQuestion(q, answers.get(q.id))),
    answers: Object.fromEntries(questions.map((q) => [q.id, answerState(q, answers.get(q.id))])),
  }
}

export async function getExam(ctx: UserContext, id: string) {
  return examView(ctx, await loadExam(ctx.db, ctx.userId, id, 'exam'))
}

type Scoring = Awaited<ReturnType<typeof loadExamScoring>>

/** Submits an exam: one round trip reads it with all that scoring needs, one writes the result. */
/** Scores and submits an exam: the session check and every read in one round trip, every write in one. */
export async function submitExam(caller: UserContext | Claim, id: string): Promise<ExamResult> {
  const claim = claimOf(caller)
  const read = await findExamForSubmit(claim.db, claim.userId, id, 'exam', callerStatement(claim))
  const ctx = await confirmCaller(claim, read.caller)
  return finalizeExam(ctx, loadedExam(read, id, 'exam'), read.scoring)
}

export interface ExamSummary {
  id: string
  status: 'in_progress' | 'submitted'
  startedAt: string
  endsAt: string | null
  submittedAt: string | null
  score: number | null
  passed: boolean | null
  questionCount: number
  topics: string[]
  format: string
  draw: ExamDraw
  minutes: number | null
  /** Given once the exam is over, to replay it. */
  seed?: string | undefined
}

/** The caller's exams, newest first; an exam left running past its deadline is scored here. */
export async function examHistory(ctx: UserContext, limit: number): Promise<{ exams: ExamSummary[] }> {
  const rows = await listExams(ctx.db, ctx.userId, 'exam', limit)
  const exams: ExamSummary[] = []
  for (const row of rows) {
    let { score, passed, submittedAt } = row
    if (submittedAt === null && row.endsAt !== null && ctx.now >= row.endsAt) {
      const result = await finalizeExam(ctx, await loadExam(ctx.db, ctx.userId, row.id, 'exam'))
      ;({ score, passed } = result)
      submittedAt = Date.parse(result.submittedAt)
    }
    exams.push({
      id: row.id,
      status: submittedAt === null ? 'in_progress' : 'submitted',
      startedAt: iso(row.startedAt) as string,
      endsAt: iso(row.endsAt),
      submittedAt: iso(submittedAt),
      score,
      passed,
      questionCount: (JSON.parse(row.questions) as unknown[]).length,
      topics: parseTopics(row.topics),
      format: row.format,
      draw: drawOf(row.draw),
      minutes: row.minutes,
      seed: submittedAt === null ? undefined : row.seed,
    })
  }
  return { exams }
}
